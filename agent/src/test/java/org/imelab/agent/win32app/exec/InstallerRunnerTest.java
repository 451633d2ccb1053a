package org.imelab.agent.win32app.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.imelab.gateway.protocol.win32.ReturnCode;
import org.imelab.gateway.protocol.win32.ReturnCodeType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Real installer processes: exit codes, the working folder, and the max run time killing the whole tree. */
class InstallerRunnerTest {
    @TempDir
    Path cache;

    private Path appFolder() throws IOException {
        return Files.createDirectories(cache.resolve("6e0911dd-6755-4eb7-8a75-ba02e685232b_1"));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void runsInTheAppFolderFindsItsSetupThereAndReportsTheExitCode() throws Exception {
        Path app = appFolder();
        // POSIX exit codes have 8 bits: the lab installer declares the Windows code it means
        Path setup = Files.writeString(app.resolve("setup.sh"), "#!/bin/sh\npwd > where.txt\necho \"$IMELAB_TEST\" >> where.txt\n"
                + "echo 3010 > \"$IMELAB_EXIT_CODE_FILE\"\nexit 1\n");
        Files.setPosixFilePermissions(setup, PosixFilePermissions.fromString("rwx------"));
        InstallerOutcome o = InstallerRunner.forThisMachine().run(new InstallerRunner.InstallerCommand(
                "setup.sh --quiet", app, Duration.ofMinutes(1), Map.of("IMELAB_TEST", "from the policy"), null));
        assertEquals(3010, o.exitCode());
        assertFalse(o.timedOut());
        assertEquals(List.of(app.toRealPath().toString(), "from the policy"), Files.readAllLines(app.resolve("where.txt")));
        assertEquals(ReturnCodeType.SOFT_REBOOT, ReturnCodes.classify(o.exitCode(), ReturnCode.DEFAULTS));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void withoutADeclaredCodeThePlainExitCodeCounts() throws Exception {
        InstallerOutcome o = InstallerRunner.forThisMachine().run(new InstallerRunner.InstallerCommand(
                "exit 7", appFolder(), Duration.ofMinutes(1), Map.of(), null));
        assertEquals(7, o.exitCode());
        assertEquals(ReturnCodeType.FAILED, ReturnCodes.classify(o.exitCode(), ReturnCode.DEFAULTS));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void anInstallerPastItsMaxRunTimeIsKilledWithItsChildren() throws Exception {
        Path app = appFolder();
        ProcessTreeInstaller.writeTo(app);
        Path log = cache.resolve("installer.log");
        InstallerOutcome o = InstallerRunner.forThisMachine().run(new InstallerRunner.InstallerCommand(
                ProcessTreeInstaller.COMMAND, app, Duration.ofMillis(700), Map.of(), log));
        assertTrue(o.timedOut());
        ProcessTreeInstaller.assertTreeKilled(o, app);
        assertEquals(ReturnCodeType.FAILED, ReturnCodes.classify(o.exitCode(), ReturnCode.DEFAULTS));
    }

    @Test
    void aMissingFolderOrAnEmptyCommandIsRefused() {
        InstallerRunner runner = InstallerRunner.forThisMachine();
        assertThrows(IOException.class, () -> runner.run(new InstallerRunner.InstallerCommand("setup.exe",
                cache.resolve("missing"), Duration.ofMinutes(1), Map.of(), null)));
        assertThrows(IllegalArgumentException.class, () -> new InstallerRunner.InstallerCommand(" ", cache,
                Duration.ofMinutes(1), Map.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new InstallerRunner.InstallerCommand("x", cache,
                Duration.ZERO, Map.of(), null));
    }

    @Test
    @EnabledOnOs(OS.WINDOWS)
    void runsACommandLineOnWindows() throws Exception {
        Path app = appFolder();
        InstallerOutcome o = InstallerRunner.forThisMachine().run(new InstallerRunner.InstallerCommand(
                "cmd.exe /c exit 1641", app, Duration.ofMinutes(1), Map.of(), null));
        assertEquals(1641, o.exitCode());
        assertEquals(ReturnCodeType.HARD_REBOOT, ReturnCodes.classify(o.exitCode(), ReturnCode.DEFAULTS));
    }
}
