package org.imelab.agent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForegroundAccountTest {

    @Test
    void theAccountAtTheTerminalCountsWhenTheSystemListsNobody() throws IOException {
        List<UserSession> sessions = new ForegroundAccount(List::of, "root").sessions();
        assertEquals(List.of(new UserSession(0, "root", null)), sessions);
    }

    @Test
    void anAccountTheSystemListsIsNotAddedTwice() throws IOException {
        List<UserSession> listed = List.of(new UserSession(2, "alice", null), new UserSession(3, "bob", null));
        assertEquals(listed, new ForegroundAccount(() -> listed, "alice").sessions());
        List<UserSession> windows = List.of(new UserSession(1, "LAB\\Alice", null));
        assertEquals(windows, new ForegroundAccount(() -> windows, "alice").sessions());
    }

    @Test
    void otherSessionsStayBesideTheTerminalsAccount() throws IOException {
        List<UserSession> listed = List.of(new UserSession(2, "alice", null));
        assertEquals(List.of(new UserSession(0, "root", null), new UserSession(2, "alice", null)),
                new ForegroundAccount(() -> listed, "root").sessions());
    }
}
