package org.imelab.agent.win32app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.imelab.gateway.protocol.win32.InstallEx;
import org.imelab.gateway.protocol.win32.Intent;
import org.imelab.gateway.protocol.win32.RebootEx;
import org.imelab.registry.ime.LabRestartKey;
import org.imelab.registry.ime.Win32AppRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Results waiting for a device restart, end to end over HTTPS with the manual clock: an install that
 * asked for a hard reboot (2008) and an uninstall that did (2011) stay as recorded, unreported again,
 * until the device restarts (here the lab's simulated restart, {@code imelab restart --simulate});
 * the check-in after it completes them. And the lab machine itself restarts only when
 * {@code AllowDeviceRestart} is 1, through the (recording) restarter.
 */
class Win32AppRestartLabTest extends EngineLabCase {
    String app;
    /** Every result the engine sent, in order. */
    final List<org.imelab.gateway.protocol.report.AppResult> sent = new ArrayList<>();

    @BeforeEach
    void setUp() {
        app = "e1000000-0000-4000-8000-0000000000" + n;
        lab.reporterWrap = real -> results -> {
            sent.addAll(results);
            real.send(results);
        };
        lab.engine = lab.newEngine();
        lab.restarts.requests.clear();
        restartKey().setAllowDeviceRestart(false);
    }

    LabRestartKey restartKey() {
        return new LabRestartKey(lab.registry, lab.ime.layout());
    }

    long reportsOf(String id) {
        return sent.stream().filter(r -> r.appId().equalsIgnoreCase(id)).count();
    }

    /** An installer that creates the marker and exits with {@code code} (through the lab's exit code file). */
    static String install(String marker, int code) {
        return EngineLab.createMarker(marker) + "\necho " + code + " > \"$IMELAB_EXIT_CODE_FILE\"; exit 1";
    }

    void hardRebootInstall(RebootEx reboot) throws Exception {
        lab.app(EngineLab.policy(app, "Needs Restart " + n, m("tool")).rebootEx(reboot).build(),
                lab.countRun("install-" + n) + "\n" + install(m("tool"), 1641), null);
    }

    @Test
    void anInstallPendingAHardRebootCompletesAfterTheRestart() throws Exception {
        hardRebootInstall(RebootEx.NOT_SET);
        lab.checkIn();
        assertEquals("{\"EnforcementState\":2008,\"ErrorCode\":1641,\"TargetingMethod\":0}", enforcementJson(app),
                "InProgressPendingReboot");
        assertEquals(1, reportsOf(app));
        var written = lab.ime.win32Apps().read(org.imelab.registry.ime.Scope.DEVICE, key(app))
                .flatMap(Win32AppRecord::lastUpdatedTimeUtc).orElseThrow();

        // no restart: the next check-ins, even the re-evaluation, keep the state and send nothing
        lab.scheduler.advanceBy(Duration.ofHours(1));
        lab.checkIn();
        lab.scheduler.advanceBy(Duration.ofHours(9));
        lab.checkIn();
        assertEquals("{\"EnforcementState\":2008,\"ErrorCode\":1641,\"TargetingMethod\":0}", enforcementJson(app));
        assertEquals(1, reportsOf(app), "nothing new to report");
        assertEquals(written, lab.ime.win32Apps().read(org.imelab.registry.ime.Scope.DEVICE, key(app))
                .flatMap(Win32AppRecord::lastUpdatedTimeUtc).orElseThrow(), "not rewritten");
        assertTrue(log.messages().stream().anyMatch(l -> l.startsWith("[Win32App] App with id: " + app
                + " is pending a device restart")), () -> String.join("\n", log.messages()));

        // the restart: detected again, a plain success; the installer does not run again
        lab.scheduler.advanceBy(Duration.ofMinutes(30));
        lab.restart();
        assertEquals("{\"EnforcementState\":1000,\"ErrorCode\":0,\"TargetingMethod\":0}", enforcementJson(app));
        assertEquals(1000, reported(app).orElseThrow().enforcementStateMessage().enforcementState());
        assertEquals(2, reportsOf(app));
        assertEquals(1, lab.runs("install-" + n));
        assertTrue(log.messages().stream().anyMatch(l -> l.startsWith("[Win32App] Device restarted since app with id: "
                + app + " asked for it (boot time ")), () -> String.join("\n", log.messages()));

        // and the check-in after is an ordinary one: nothing due, nothing sent
        lab.scheduler.advanceBy(Duration.ofHours(1));
        lab.checkIn();
        assertEquals(2, reportsOf(app));
        assertTrue(lab.restarts.requests.isEmpty(), "the lab machine is not restarted unless allowed");
        assertTrue(log.messages().stream().anyMatch(l -> l.startsWith("[Win32App] App(s) " + app.toLowerCase()
                + " asked for a device restart; imelab does not restart the lab machine.")
                && l.contains("Set HKLM\\SOFTWARE\\imelab\\Settings\\AllowDeviceRestart to 1 (REG_DWORD)")),
                () -> String.join("\n", log.messages()));
        Files.delete(lab.marker(m("tool")));
    }

    @Test
    void anUninstallPendingAHardRebootIsUninstalledAfterTheRestart() throws Exception {
        Path marker = lab.marker(m("old"));
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, "installed");
        lab.app(EngineLab.policy(app, "Remove Me " + n, m("old")).intent(Intent.UNINSTALL).build(), "exit 0",
                "rm -f \"$ProgramData/imelab/" + m("old") + "\"\necho 1641 > \"$IMELAB_EXIT_CODE_FILE\"; exit 1");
        lab.checkIn();
        assertEquals("{\"EnforcementState\":2011,\"ErrorCode\":1641,\"TargetingMethod\":0}", enforcementJson(app));
        assertFalse(Files.exists(marker));

        lab.scheduler.advanceBy(Duration.ofHours(9));
        lab.checkIn();
        assertEquals("{\"EnforcementState\":2011,\"ErrorCode\":1641,\"TargetingMethod\":0}", enforcementJson(app),
                "the re-evaluation keeps it until the restart");
        assertEquals(1, reportsOf(app));

        lab.restart();
        assertEquals("{\"EnforcementState\":1000,\"ErrorCode\":0,\"TargetingMethod\":0}", enforcementJson(app),
                "uninstalled");
        assertTrue(compliance(app).orElseThrow().toJson().startsWith("{\"Applicability\":0,\"ComplianceState\":2,"
                + "\"DesiredState\":1,\"ErrorCode\":null,"), compliance(app).orElseThrow().toJson());
        assertEquals(1000, reported(app).orElseThrow().enforcementStateMessage().enforcementState());
        assertEquals(2, reportsOf(app));
    }

    @Test
    void allowedTheAgentAsksForOneRestartAfterTheGracePeriod() throws Exception {
        restartKey().setAllowDeviceRestart(true);
        hardRebootInstall(new RebootEx(15, 5, -1));
        lab.checkIn();
        assertEquals(1, lab.restarts.requests.size());
        assertEquals(Duration.ofMinutes(15), lab.restarts.requests.get(0).delay(), "RebootEx.GracePeriod");
        assertTrue(lab.restarts.requests.get(0).reason().contains(app.toLowerCase()),
                lab.restarts.requests.get(0).reason());
        assertTrue(log.messages().contains("[Win32App] Device restart requested by app(s) " + app.toLowerCase()
                + "; restarting the device in 15 minute(s)."), () -> String.join("\n", log.messages()));

        // the kept state does not ask again; the restart completes it without another request
        lab.scheduler.advanceBy(Duration.ofHours(9));
        lab.checkIn();
        assertEquals(1, lab.restarts.requests.size());
        lab.restart();
        assertEquals("{\"EnforcementState\":1000,\"ErrorCode\":0,\"TargetingMethod\":0}", enforcementJson(app));
        assertEquals(1, lab.restarts.requests.size());
        Files.delete(lab.marker(m("tool")));
    }

    @Test
    void forcedRestartBehaviourAsksEvenOnSuccessWithTheDefaultDelay() throws Exception {
        restartKey().setAllowDeviceRestart(true);
        lab.app(EngineLab.policy(app, "Force Restart " + n, m("tool"))
                .installEx(new InstallEx(1, false, 1, 3, 5, 60, 3)).build(), EngineLab.createMarker(m("tool")), null);
        lab.checkIn();
        assertEquals("{\"EnforcementState\":1000,\"ErrorCode\":0,\"TargetingMethod\":0}", enforcementJson(app));
        assertEquals(List.of(new RecordingRestarter.Request(DeviceRestartRequests.DEFAULT_DELAY,
                "imelab: Win32 app(s) " + app.toLowerCase() + " need a device restart.")), lab.restarts.requests);
        Files.delete(lab.marker(m("tool")));
    }

    @Test
    void notAllowedNothingIsAsked() throws Exception {
        hardRebootInstall(new RebootEx(15, 5, -1));
        lab.checkIn();
        assertEquals("{\"EnforcementState\":2008,\"ErrorCode\":1641,\"TargetingMethod\":0}", enforcementJson(app));
        assertTrue(lab.restarts.requests.isEmpty());
        assertEquals(1, log.messages().stream().filter(l -> l.contains("imelab does not restart the lab machine"))
                .count());
        Files.delete(lab.marker(m("tool")));
    }
}
