package org.imelab.agent.win32app.exec.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.security.auth.module.NTSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.imelab.agent.session.UserSession;
import org.imelab.agent.win32app.exec.InstallerOutcome;
import org.imelab.agent.win32app.exec.InstallerRunner;
import org.imelab.agent.win32app.exec.InstallerRunner.InstallerCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Windows calls. Taking a user's token needs SYSTEM (as the IME runs): not as SYSTEM the
 * start must fail with a clear message naming the session; as SYSTEM with a user at the console,
 * an installer runs in that session, reports its exit code, and a timeout kills its tree.
 */
@EnabledOnOs(OS.WINDOWS)
class WtsUserSessionLauncherWindowsTest {
    private static final String LOCAL_SYSTEM_SID = "S-1-5-18";

    @TempDir
    Path cache;

    private static boolean runningAsSystem() {
        return LOCAL_SYSTEM_SID.equals(new NTSystem().getUserSID());
    }

    private InstallerCommand inSession(int session, String commandLine, Duration max) throws IOException {
        Path app = Files.createDirectories(cache.resolve("app_1"));
        return new InstallerCommand(commandLine, app, max, Map.of(), null, new UserSession(session, "console user", null));
    }

    @Test
    void withoutSystemTheStartFailsNamingTheSession() throws IOException {
        assumeFalse(runningAsSystem(), "runs only when the tests are not SYSTEM");
        InstallerCommand cmd = inSession(1, "cmd.exe /c exit 0", Duration.ofMinutes(1));
        IOException e = assertThrows(IOException.class,
                () -> new InstallerRunner(true, new WtsUserSessionLauncher()).run(cmd));
        assertTrue(e.getMessage().contains("session 1"), e.getMessage());
    }

    @Test
    void asSystemAnInstallerRunsInTheConsoleSession() throws IOException {
        assumeTrue(runningAsSystem(), "only SYSTEM may take a user's token");
        OptionalInt console = WtsUserSessionLauncher.activeConsoleSession();
        assumeTrue(console.isPresent(), "no session at the console");
        InstallerRunner runner = new InstallerRunner(true, new WtsUserSessionLauncher());
        InstallerOutcome o = runner.run(inSession(console.getAsInt(), "cmd.exe /c exit 3010", Duration.ofMinutes(1)));
        assertFalse(o.timedOut());
        assertEquals(3010, o.exitCode());

        // cmd starts ping, a child in the same job: the timeout ends both
        InstallerOutcome slow = runner.run(inSession(console.getAsInt(), "cmd.exe /c ping -n 120 127.0.0.1",
                Duration.ofSeconds(2)));
        assertTrue(slow.timedOut());
        assertFalse(ProcessHandle.of(slow.pid()).map(ProcessHandle::isAlive).orElse(false));
    }
}
