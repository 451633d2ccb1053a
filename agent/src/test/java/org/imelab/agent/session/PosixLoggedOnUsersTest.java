package org.imelab.agent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Session discovery off Windows, from captured outputs of loginctl (systemd 252) and who. */
class PosixLoggedOnUsersTest {
    static final String LIST_SESSIONS = """
                 2 1000 alice seat0 tty2  active  no  -
                 5 1001 bob   -     pts/0 active  no  -
                c1  120 gdm   seat0 tty1  active  yes 12min
                 7 1002 carol -     pts/1 closing no  -
            """;

    static final String SHOW_ALICE = """
            Id=2
            User=1000
            Name=alice
            Timestamp=Sun 2026-11-22 08:00:01 UTC
            VTNr=2
            Seat=seat0
            TTY=tty2
            Remote=no
            Service=gdm-password
            Type=wayland
            Class=user
            Active=yes
            State=active
            IdleHint=no
            """;

    static final String SHOW_BOB = """
            Id=5
            User=1001
            Name=bob
            Remote=yes
            RemoteHost=10.0.0.5
            Service=sshd
            Type=tty
            Class=user
            Active=yes
            State=active
            """;

    static final String SHOW_GREETER = """
            Id=c1
            User=120
            Name=gdm
            Class=greeter
            Active=yes
            State=active
            """;

    static final String SHOW_CLOSING = """
            Id=7
            User=1002
            Name=carol
            Class=user
            Active=no
            State=closing
            """;

    static final String WHO = """
            alice    tty2         2026-11-22 08:00 (tty2)
            bob      pts/0        2026-11-22 08:05 (10.0.0.5)
            alice    pts/1        2026-11-22 08:10 (:0)
            """;

    @Test
    void listSessionsGivesTheFirstColumn() {
        assertEquals(List.of("2", "5", "c1", "7"), PosixLoggedOnUsers.parseListSessions(LIST_SESSIONS));
        assertEquals(List.of(), PosixLoggedOnUsers.parseListSessions(""));
    }

    @Test
    void showSessionKeepsActiveUserSessionsOnly() {
        assertEquals(new UserSession(2, "alice", null), PosixLoggedOnUsers.parseShowSession(SHOW_ALICE).orElseThrow());
        assertEquals(new UserSession(5, "bob", null), PosixLoggedOnUsers.parseShowSession(SHOW_BOB).orElseThrow());
        assertTrue(PosixLoggedOnUsers.parseShowSession(SHOW_GREETER).isEmpty(), "a greeter is nobody at the machine");
        assertTrue(PosixLoggedOnUsers.parseShowSession(SHOW_CLOSING).isEmpty(), "a closing session is gone");
        assertTrue(PosixLoggedOnUsers.parseShowSession("garbage").isEmpty());
    }

    @Test
    void whoGivesEachAccountOnceNumberedInOrder() {
        assertEquals(List.of(new UserSession(1, "alice", null), new UserSession(2, "bob", null)),
                PosixLoggedOnUsers.parseWho(WHO));
    }

    @Test
    void asRootTheLoginSessionsAreAsked() throws IOException {
        List<List<String>> ran = new ArrayList<>();
        Map<String, String> outputs = Map.of("loginctl list-sessions --no-legend", LIST_SESSIONS,
                "loginctl show-session 2", SHOW_ALICE, "loginctl show-session 5", SHOW_BOB,
                "loginctl show-session c1", SHOW_GREETER, "loginctl show-session 7", SHOW_CLOSING);
        PosixLoggedOnUsers users = new PosixLoggedOnUsers(true, "root", command -> {
            ran.add(command);
            return outputs.get(String.join(" ", command));
        });
        assertEquals(List.of(new UserSession(2, "alice", null), new UserSession(5, "bob", null)), users.sessions());
        assertEquals(5, ran.size());
    }

    @Test
    void asRootWithoutLogindWhoIsAsked() throws IOException {
        PosixLoggedOnUsers users = new PosixLoggedOnUsers(true, "root", command -> {
            if (command.getFirst().equals("loginctl")) {
                throw new IOException("System has not been booted with systemd as init system (PID 1).");
            }
            return WHO;
        });
        assertEquals(List.of(new UserSession(1, "alice", null), new UserSession(2, "bob", null)), users.sessions());
    }

    @Test
    void asAnOrdinaryAccountOnlyItselfInSessionZero() throws IOException {
        PosixLoggedOnUsers users = new PosixLoggedOnUsers(false, "alice", command -> {
            throw new AssertionError("no command is needed: " + command);
        });
        assertEquals(List.of(new UserSession(0, "alice", null)), users.sessions());
    }
}
