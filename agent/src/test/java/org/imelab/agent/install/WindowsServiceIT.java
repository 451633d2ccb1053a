package org.imelab.agent.install;

import static org.imelab.agent.install.InstalledImelab.imelab;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.imelab.install.launch.WindowsCommandLine;
import org.imelab.install.process.CommandResult;
import org.imelab.install.process.ProcessCommandRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Windows story with the packaged jar, on a real Windows (the GitHub windows-latest runner,
 * elevated): `imelab install` registers a service that starts, answers sc.exe, Get-Service and
 * Restart-Service; the HKCR moniker command, run as Windows shell would run it, makes the daemon
 * check in; `imelab uninstall` removes the service, the moniker, the tasks and the program files.
 */
@EnabledOnOs(OS.WINDOWS)
class WindowsServiceIT {
    private static final String URL = "intunemanagementextension://syncapp";
    private final String service = "imelab-it-" + ProcessHandle.current().pid();
    private final ProcessCommandRunner commands = new ProcessCommandRunner();

    @TempDir
    Path tmp;

    private CommandResult run(String... argv) {
        return commands.run(List.of(argv), Map.of(), Duration.ofMinutes(2));
    }

    private String[] global() {
        return new String[] {"--home", tmp.resolve("home").toString(),
            "--registry-root", "HKLM\\SOFTWARE\\imelab-it\\IntuneManagementExtension"};
    }

    private CommandResult imelabWith(String... args) {
        String[] g = global();
        String[] all = new String[g.length + args.length];
        System.arraycopy(g, 0, all, 0, g.length);
        System.arraycopy(args, 0, all, g.length, args.length);
        return imelab(all);
    }

    @AfterEach
    void leaveNothingBehind() {
        if (run("sc.exe", "query", service).exitCode() == 0) {
            imelabWith("uninstall", "--service-name", service);
        }
    }

    @Test
    void installStartMonikerSyncAndUninstall() {
        assumeFalse(run("reg.exe", "query", "HKCR\\intunemanagementextension").exitCode() == 0,
                "a moniker handler is registered on this machine already; not touching it");
        Path programDir = tmp.resolve("Program Files").resolve("imelab");

        CommandResult install = imelabWith("install", "--service-name", service, "--program-dir", programDir.toString());
        assertEquals(0, install.exitCode(), install.output());

        CommandResult sc = run("sc.exe", "query", service);
        assertTrue(sc.stdout().contains("RUNNING"), sc.output());
        CommandResult get = run("powershell.exe", "-NoProfile", "-Command", "(Get-Service -Name '" + service + "').Status");
        assertEquals("Running", get.stdout().strip(), get.output());
        CommandResult restart = run("powershell.exe", "-NoProfile", "-Command", "Restart-Service -Name '" + service + "'");
        assertEquals(0, restart.exitCode(), restart.output());
        assertTrue(run("sc.exe", "query", service).stdout().contains("RUNNING"));

        // what Windows shell runs for the URL: the registered command with %1 replaced
        CommandResult reg = run("reg.exe", "query", "HKCR\\intunemanagementextension\\shell\\open\\command", "/ve");
        assertEquals(0, reg.exitCode(), reg.output());
        String line = reg.stdout().lines().filter(l -> l.contains("REG_SZ")).findFirst().orElseThrow();
        String command = line.substring(line.indexOf("REG_SZ") + "REG_SZ".length()).strip();
        CommandResult opened = commands.run(WindowsCommandLine.split(command.replace("%1", URL)), Map.of(), Duration.ofMinutes(1));
        assertEquals(0, opened.exitCode(), opened.output());
        assertTrue(awaitCheckinBy("SyncApp"), "the daemon checked in because of the moniker");

        CommandResult tasks = run("schtasks.exe", "/Query", "/TN", "\\imelab " + service + " Client Cert Checker");
        assertEquals(0, tasks.exitCode(), tasks.output());

        CommandResult uninstall = imelabWith("uninstall", "--service-name", service);
        assertEquals(0, uninstall.exitCode(), uninstall.output());
        assertNotEquals(0, run("sc.exe", "query", service).exitCode());
        assertNotEquals(0, run("reg.exe", "query", "HKCR\\intunemanagementextension").exitCode());
        assertNotEquals(0, run("schtasks.exe", "/Query", "/TN", "\\imelab " + service + " Client Cert Checker").exitCode());
        assertTrue(Files.notExists(programDir));
    }

    /** Asks `imelab status` (over the daemon's socket) a few times: the check-in runs just after the moniker's answer. */
    private boolean awaitCheckinBy(String reason) {
        for (int attempt = 0; attempt < 10; attempt++) {
            CommandResult status = imelabWith("status");
            if (status.stdout().lines().anyMatch(l -> l.startsWith("Last check-in") && l.contains("(" + reason + ")"))) {
                return true;
            }
        }
        return false;
    }
}
