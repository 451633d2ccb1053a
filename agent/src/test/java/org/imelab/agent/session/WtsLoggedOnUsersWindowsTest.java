package org.imelab.agent.session;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The WTS sessions of the Windows machine running the test: the same contract as the portable
 * discovery (active sessions with an account, no Entra user yet). The test runs in an interactive
 * or service session whose account is logged on, or in none (a CI runner without a desktop).
 */
@EnabledOnOs(OS.WINDOWS)
class WtsLoggedOnUsersWindowsTest {

    @Test
    void listsActiveSessionsWithAccounts() throws Exception {
        List<UserSession> sessions = new WtsLoggedOnUsers().sessions();
        assertNotNull(sessions);
        for (UserSession s : sessions) {
            assertFalse(s.account().isBlank());
            assertTrue(s.sessionId() >= 0);
            assertTrue(s.entraUser().isEmpty(), "the mapping adds the Entra user, not the discovery");
        }
        // the machine's own listing agrees: every session found is unique
        assertTrue(sessions.stream().map(UserSession::sessionId).distinct().count() == sessions.size());
    }

    @Test
    void forThisMachineIsTheWtsDiscovery() {
        assertTrue(LoggedOnUsers.forThisMachine() instanceof WtsLoggedOnUsers);
    }
}
