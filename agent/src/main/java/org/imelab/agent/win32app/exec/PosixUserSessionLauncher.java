package org.imelab.agent.win32app.exec;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imelab.agent.session.UserSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * User-context installs off Windows. An agent running as root (as the IME runs as SYSTEM) starts
 * the installer as the session's account through {@code setpriv} (or {@code runuser}), with that
 * account's HOME, USER and LOGNAME; the exit-code file is handed to the account so it can write it.
 * An agent without root cannot switch user: it runs the installer as itself and says so.
 */
public final class PosixUserSessionLauncher implements UserSessionLauncher {
    private static final Logger LOG = LoggerFactory.getLogger("ime.AppWorkload");
    private static final List<Path> SETPRIV = List.of(Path.of("/usr/bin/setpriv"), Path.of("/bin/setpriv"));
    private static final List<Path> RUNUSER = List.of(Path.of("/usr/sbin/runuser"), Path.of("/sbin/runuser"),
            Path.of("/usr/bin/runuser"));

    /** How the agent switches to another account. */
    public sealed interface Switcher {
        List<String> prefix(PosixAccounts.Account to);

        /** setpriv execs the installer itself, so the installer keeps the pid the runner sees. */
        record Setpriv(Path tool) implements Switcher {
            @Override
            public List<String> prefix(PosixAccounts.Account to) {
                return List.of(tool.toString(), "--reuid=" + to.uid(), "--regid=" + to.gid(), "--init-groups", "--");
            }
        }

        record Runuser(Path tool) implements Switcher {
            @Override
            public List<String> prefix(PosixAccounts.Account to) {
                return List.of(tool.toString(), "-u", to.name(), "--");
            }
        }
    }

    private final long agentUid;
    private final PosixAccounts accounts;
    private final Optional<Switcher> switcher;

    /**
     * @param agentUid the uid the agent runs as (only 0 may switch)
     * @param switcher how to switch account; empty when no tool is installed
     */
    public PosixUserSessionLauncher(long agentUid, PosixAccounts accounts, Optional<Switcher> switcher) {
        this.agentUid = agentUid;
        this.accounts = accounts;
        this.switcher = switcher;
    }

    public static PosixUserSessionLauncher forThisProcess() {
        return new PosixUserSessionLauncher(new UnixSystem().getUid(), new PosixAccounts(), forThisProcessSwitcher());
    }

    /** setpriv when installed (util-linux), else runuser. */
    public static Optional<Switcher> forThisProcessSwitcher() {
        return SETPRIV.stream().filter(Files::isExecutable).findFirst().<Switcher>map(Switcher.Setpriv::new)
                .or(() -> RUNUSER.stream().filter(Files::isExecutable).findFirst().map(Switcher.Runuser::new));
    }

    @Override
    public LaunchedProcess start(UserSession user, Launch launch) throws IOException {
        String name = localName(user.account());
        Optional<PosixAccounts.Account> account = agentUid == 0 ? accounts.find(name) : Optional.empty();
        String reason = agentUid != 0 ? "the agent does not run as root"
                : account.isEmpty() ? "there is no local account '" + name + "'"
                : account.get().uid() == 0 ? "the account is root, as the agent"
                : switcher.isEmpty() ? "neither setpriv nor runuser is installed" : null;
        if (reason != null) {
            LOG.info("[Win32App] RunAs User {} in session {}: {}, so the installer runs as the agent's own account.",
                    user.account(), user.sessionId(), reason);
            return new JavaLaunchedProcess(launch.processBuilder(List.of(), false).start());
        }
        PosixAccounts.Account to = account.get();
        LOG.info("Starting impersonation, session id = {}", user.sessionId());
        if (launch.exitCodeFile() != null) {
            // created by the agent (root, 0600): the installer writes it as the user
            UserPrincipal owner = launch.exitCodeFile().getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(to.name());
            Files.setOwner(launch.exitCodeFile(), owner);
        }
        ProcessBuilder pb = launch.processBuilder(switcher.get().prefix(to), false);
        pb.environment().putAll(Map.of("HOME", to.home(), "USER", to.name(), "LOGNAME", to.name()));
        Process process = pb.start();
        LOG.info("After impersonation: {}", to.name());
        return new JavaLaunchedProcess(process);
    }

    /** {@code AzureAD\alice} or {@code DOMAIN\alice} is the local account {@code alice}. */
    static String localName(String account) {
        int slash = account.lastIndexOf('\\');
        return slash < 0 ? account : account.substring(slash + 1);
    }
}
