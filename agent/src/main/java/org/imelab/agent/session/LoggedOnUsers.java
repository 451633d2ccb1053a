package org.imelab.agent.session;

import java.io.IOException;
import java.util.List;

/**
 * Who is logged on to this machine right now, as the operating system says: one
 * {@link UserSession} per active session, without an Entra user yet ({@link SignedInUsers} adds
 * it). The real agent enumerates the Windows terminal-services sessions; elsewhere the login
 * sessions stand in for them.
 */
@FunctionalInterface
public interface LoggedOnUsers {

    /** The active sessions, in session order; never null. */
    List<UserSession> sessions() throws IOException;

    /** Windows: WTS sessions; elsewhere: login sessions when root, else the agent's own account. */
    static LoggedOnUsers forThisMachine() {
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            return new WtsLoggedOnUsers();
        }
        return PosixLoggedOnUsers.forThisMachine();
    }
}
