package org.imelab.agent.session;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code imelab run} in a terminal: whoever started it is at the machine, even where the operating
 * system keeps no login session for them (a root shell in a container has neither logind nor utmp).
 * Their account is added, as session 0, to the sessions the system lists, unless it is already
 * there. A service (Windows SCM, systemd) has no one at a terminal and does not use this.
 */
public final class ForegroundAccount implements LoggedOnUsers {
    private final LoggedOnUsers system;
    private final String account;

    public ForegroundAccount(LoggedOnUsers system, String account) {
        this.system = Objects.requireNonNull(system, "system");
        this.account = Objects.requireNonNull(account, "account");
    }

    /**
     * The sessions for a command started from a terminal ({@code imelab run}, {@code imelab users}):
     * the system's, plus the terminal's account off Windows (Windows lists console users itself)
     * unless systemd started the process.
     */
    public static LoggedOnUsers forThisRun() {
        LoggedOnUsers system = LoggedOnUsers.forThisMachine();
        if (System.getProperty("os.name", "").startsWith("Windows") || startedBySystemd()) {
            return system;
        }
        return new ForegroundAccount(system, System.getProperty("user.name", ""));
    }

    /** True when this process was started by systemd as a unit (systemd sets INVOCATION_ID for it). */
    static boolean startedBySystemd() {
        String id = System.getenv("INVOCATION_ID");
        return id != null && !id.isBlank();
    }

    @Override
    public List<UserSession> sessions() throws IOException {
        List<UserSession> listed = system.sessions();
        if (account.isBlank() || listed.stream().anyMatch(s -> sameAccount(s.account(), account))) {
            return listed;
        }
        List<UserSession> out = new ArrayList<>(listed.size() + 1);
        out.add(new UserSession(0, account, null));
        out.addAll(listed);
        return out;
    }

    private static boolean sameAccount(String listed, String own) {
        // Windows lists DOMAIN\\user; the JVM's user.name has no domain
        int slash = listed.lastIndexOf('\\');
        return (slash < 0 ? listed : listed.substring(slash + 1)).equalsIgnoreCase(own);
    }
}
