package org.imelab.install.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.Advapi32;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.imelab.install.launch.WindowsCommandLine;
import org.imelab.install.process.CommandResult;
import org.imelab.install.process.ProcessCommandRunner;
import org.imelab.install.service.ServiceConfig;
import org.imelab.install.service.ServiceControlException;
import org.imelab.install.service.ServiceState;
import org.imelab.install.service.StartType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The real service control manager (needs an elevated prompt, as on the GitHub Windows runner):
 * a Java service registered with a quoted java.exe command line starts, reports RUNNING through
 * StartServiceCtrlDispatcher, shows in sc.exe, stops, and is deleted.
 */
@EnabledOnOs(OS.WINDOWS)
class ScmServiceManagerWindowsTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private final String name = "imelab-test-" + ProcessHandle.current().pid();
    private final ScmServiceManager scm = new ScmServiceManager();
    private final ProcessCommandRunner commands = new ProcessCommandRunner();

    @TempDir
    Path tmp;

    @AfterEach
    void removeTheService() {
        if (scm.state(name) != ServiceState.NOT_INSTALLED) {
            scm.stop(name, WAIT);
            scm.delete(name);
        }
    }

    private List<String> serviceArgv(Path marker) throws Exception {
        String cp = String.join(File.pathSeparator, List.of(
                location(TestServiceMain.class), location(ScmServiceManager.class), location(Native.class),
                location(Advapi32.class), location(LoggerFactory.class)));
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java.exe").toString(),
                "-Xrs", "--enable-native-access=ALL-UNNAMED", "-cp", cp, TestServiceMain.class.getName(), marker.toString());
    }

    private static String location(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private ServiceConfig config(Path marker) throws Exception {
        return new ServiceConfig(name, "imelab test service", "Registered by ScmServiceManagerWindowsTest",
                WindowsCommandLine.join(serviceArgv(marker)), StartType.DEMAND, null,
                List.of(Duration.ofMinutes(1), Duration.ofMinutes(2)), Duration.ofDays(1));
    }

    @Test
    void aJavaServiceIsCreatedStartedStoppedAndDeleted() throws Exception {
        Path marker = tmp.resolve("marker.txt");
        ServiceConfig config = config(marker);

        scm.create(config);

        ServiceConfig read = scm.query(name).orElseThrow();
        assertTrue(config.sameSetupAs(read), "as created: " + read);
        assertEquals("Registered by ScmServiceManagerWindowsTest", read.description());
        assertEquals(ServiceState.STOPPED, scm.state(name));

        scm.start(name, WAIT);

        assertEquals(ServiceState.RUNNING, scm.state(name));
        assertEquals("started", Files.readString(marker, StandardCharsets.UTF_8));
        CommandResult sc = commands.run(List.of("sc.exe", "query", name), Map.of(), Duration.ofSeconds(30));
        assertEquals(0, sc.exitCode(), sc.output());
        assertTrue(sc.stdout().contains("RUNNING"), sc.stdout());

        scm.stop(name, WAIT);

        assertEquals(ServiceState.STOPPED, scm.state(name));
        assertEquals("stopped", Files.readString(marker, StandardCharsets.UTF_8));

        scm.delete(name);
        assertEquals(ServiceState.NOT_INSTALLED, scm.state(name));
    }

    @Test
    void updateChangesTheCommandLineAndTheRecovery() throws Exception {
        ServiceConfig config = config(tmp.resolve("a.txt"));
        scm.create(config);
        ServiceConfig changed = new ServiceConfig(name, "imelab test service (changed)", "changed",
                WindowsCommandLine.join(serviceArgv(tmp.resolve("b.txt"))), StartType.AUTO, null,
                List.of(Duration.ofSeconds(30)), Duration.ofHours(1));

        scm.update(changed);

        assertTrue(changed.sameSetupAs(scm.query(name).orElseThrow()));
    }

    @Test
    void theScmsErrorsComeWithTheirCodes() throws Exception {
        assertTrue(scm.query(name).isEmpty());
        assertEquals(ServiceState.NOT_INSTALLED, scm.state(name));
        ServiceControlException missing = assertThrows(ServiceControlException.class, () -> scm.start(name, WAIT));
        assertEquals(ServiceControlException.ERROR_SERVICE_DOES_NOT_EXIST, missing.win32Error());

        scm.create(config(tmp.resolve("m.txt")));
        ServiceControlException exists = assertThrows(ServiceControlException.class, () -> scm.create(config(tmp.resolve("m.txt"))));
        assertEquals(ServiceControlException.ERROR_SERVICE_EXISTS, exists.win32Error());
    }

    @Test
    void startedFromAConsoleTheProgramRunsInTheForeground() throws Exception {
        Path marker = tmp.resolve("console.txt");

        CommandResult r = commands.run(serviceArgv(marker), Map.of(), Duration.ofSeconds(60));

        assertEquals(0, r.exitCode(), r.output());
        assertEquals("foreground", Files.readString(marker, StandardCharsets.UTF_8),
                "StartServiceCtrlDispatcher answered 1063 and the program ran as a console program");
        assertFalse(r.output().contains("Exception"), r.output());
    }
}
