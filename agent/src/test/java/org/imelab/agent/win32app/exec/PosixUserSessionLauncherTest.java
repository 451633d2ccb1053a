package org.imelab.agent.win32app.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imelab.agent.session.UserSession;
import org.imelab.agent.testing.LogCapture;
import org.imelab.agent.win32app.exec.InstallerRunner.InstallerCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * User-context installs off Windows, with real processes: as root the installer runs as the
 * session's account (here {@code nobody}), otherwise as the agent's own account with one line
 * saying why; either way the max run time still kills the whole tree and exit codes come back.
 */
@DisabledOnOs(OS.WINDOWS)
class PosixUserSessionLauncherTest {
    private static final long OWN_UID = new UnixSystem().getUid();
    /** The installer reports who it ran as through the exit-code file. */
    private static final String REPORT_UID = "id -u > \"$IMELAB_EXIT_CODE_FILE\"";

    @TempDir
    Path cache;

    /** An app folder every account may use, as a user-context install needs. */
    private Path appFolder() throws IOException {
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path app = Files.createDirectories(cache.resolve("6e0911dd-6755-4eb7-8a75-ba02e685232b_1"));
        Files.setPosixFilePermissions(app, PosixFilePermissions.fromString("rwxrwxrwx"));
        return app;
    }

    /** An agent that is not root, whatever this test runs as. */
    private static PosixUserSessionLauncher notRoot() {
        return new PosixUserSessionLauncher(OWN_UID == 0 ? 1000 : OWN_UID, new PosixAccounts(),
                PosixUserSessionLauncher.forThisProcessSwitcher());
    }

    private static InstallerCommand asUser(String command, Path app, Duration max, String account) {
        return new InstallerCommand(command, app, max, Map.of(), null, new UserSession(2, account, null));
    }

    @Test
    void anAgentWithoutRootRunsTheInstallerAsItselfAndSaysSo() throws Exception {
        try (LogCapture log = new LogCapture("ime.AppWorkload")) {
            InstallerOutcome o = new InstallerRunner(false, notRoot()).run(asUser(REPORT_UID, appFolder(),
                    Duration.ofMinutes(1), "nobody"));
            assertEquals(OWN_UID, o.exitCode());
            assertTrue(log.messages().contains("[Win32App] RunAs User nobody in session 2: the agent does not run as "
                    + "root, so the installer runs as the agent's own account."), log.messages().toString());
        }
    }

    @Test
    void anUnknownAccountRunsAsTheAgentAndSaysSo() throws Exception {
        // an agent that could switch (uid 0), whoever runs the test: the account lookup decides
        PosixUserSessionLauncher launcher = new PosixUserSessionLauncher(0, new PosixAccounts(),
                PosixUserSessionLauncher.forThisProcessSwitcher());
        try (LogCapture log = new LogCapture("ime.AppWorkload")) {
            InstallerOutcome o = new InstallerRunner(false, launcher).run(asUser(REPORT_UID, appFolder(),
                    Duration.ofMinutes(1), "AzureAD\\imelab-no-such-user"));
            assertEquals(OWN_UID, o.exitCode());
            assertTrue(log.messages().stream().anyMatch(m -> m.contains("there is no local account "
                    + "'imelab-no-such-user', so the installer runs as the agent's own account")), log.messages().toString());
        }
    }

    @Test
    void asRootTheInstallerRunsAsTheSessionsAccountWithItsEnvironment() throws Exception {
        assumeTrue(OWN_UID == 0, "only root can run an installer as another account");
        Optional<PosixAccounts.Account> nobody = new PosixAccounts().find("nobody");
        assumeTrue(nobody.isPresent() && PosixUserSessionLauncher.forThisProcessSwitcher().isPresent());
        String script = "[ \"$HOME\" = '" + nobody.get().home() + "' ] && [ \"$USER\" = nobody ] "
                + "&& [ \"$LOGNAME\" = nobody ] && " + REPORT_UID;
        try (LogCapture log = new LogCapture("ime.AppWorkload")) {
            InstallerOutcome o = InstallerRunner.forThisMachine().run(asUser(script, appFolder(), Duration.ofMinutes(1),
                    "nobody"));
            assertEquals(nobody.get().uid(), o.exitCode());
            assertTrue(log.messages().containsAll(List.of("Starting impersonation, session id = 2",
                    "After impersonation: nobody")), log.messages().toString());
        }
    }

    @Test
    void runuserSwitchesAccountToo() throws Exception {
        assumeTrue(OWN_UID == 0, "only root can run an installer as another account");
        Optional<PosixAccounts.Account> nobody = new PosixAccounts().find("nobody");
        Optional<Path> runuser = List.of(Path.of("/usr/sbin/runuser"), Path.of("/sbin/runuser")).stream()
                .filter(Files::isExecutable).findFirst();
        assumeTrue(nobody.isPresent() && runuser.isPresent());
        PosixUserSessionLauncher launcher = new PosixUserSessionLauncher(0, new PosixAccounts(),
                Optional.of(new PosixUserSessionLauncher.Switcher.Runuser(runuser.get())));
        InstallerOutcome o = new InstallerRunner(false, launcher).run(asUser(REPORT_UID, appFolder(),
                Duration.ofMinutes(1), "nobody"));
        assertEquals(nobody.get().uid(), o.exitCode());
    }

    @Test
    void theMaxRunTimeStillKillsTheWholeTree() throws Exception {
        Path app = appFolder();
        ProcessTreeInstaller.writeTo(app);
        // as nobody when this runs as root, else as the agent itself
        InstallerOutcome o = InstallerRunner.forThisMachine().run(asUser(ProcessTreeInstaller.COMMAND, app,
                Duration.ofMillis(700), "nobody"));
        assertTrue(o.timedOut());
        ProcessTreeInstaller.assertTreeKilled(o, app);
    }

    @Test
    void theDeclaredAndThePlainExitCodesComeBack() throws Exception {
        InstallerRunner runner = InstallerRunner.forThisMachine();
        assertEquals(1641, runner.run(asUser("echo 1641 > \"$IMELAB_EXIT_CODE_FILE\"; exit 1", appFolder(),
                Duration.ofMinutes(1), "nobody")).exitCode());
        assertEquals(7, runner.run(asUser("exit 7", appFolder(), Duration.ofMinutes(1), "nobody")).exitCode());
    }

    @Test
    void aWindowsAccountNameIsTheLocalAccountAndOddNamesAreNoAccounts() throws Exception {
        assertEquals("alice", PosixUserSessionLauncher.localName("AzureAD\\alice"));
        assertEquals("alice", PosixUserSessionLauncher.localName("alice"));
        assertEquals(Optional.empty(), new PosixAccounts().find("-rf"));
        assertEquals(Optional.empty(), new PosixAccounts().find("root:x"));
        assertEquals(Optional.of(new PosixAccounts.Account("nobody", 65534, 65534, "/nonexistent")),
                PosixAccounts.parse("nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin"));
        assertEquals(Optional.empty(), PosixAccounts.parse("broken:x:notanumber:0:::"));
    }
}
