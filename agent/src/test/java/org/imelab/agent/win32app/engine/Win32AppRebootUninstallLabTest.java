package org.imelab.agent.win32app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.imelab.gateway.protocol.win32.FlatDependency;
import org.imelab.gateway.protocol.win32.Intent;
import org.imelab.registry.ime.Scope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Uninstallers that ask for a restart (3010 soft, 1641 hard, the default return codes), end to end:
 * a required uninstall, and a superseded app removed by Replace before its successor installs. The
 * lab's sh uninstallers report the code through {@code $IMELAB_EXIT_CODE_FILE} (above 255); the
 * registry's state messages and the reports say what the IME's codes say.
 */
class Win32AppRebootUninstallLabTest extends EngineLabCase {
    String app;
    String newer;
    String older;

    @BeforeEach
    void ids() {
        app = "d1000000-0000-4000-8000-0000000000" + n;
        newer = "d3000000-0000-4000-8000-0000000000" + n;
        older = "d4000000-0000-4000-8000-0000000000" + n;
    }

    /** An uninstaller that removes the marker and exits with {@code code}. */
    String uninstall(String marker, int code) {
        return step("uninstall") + "\nrm -f \"$ProgramData/imelab/" + marker + "\"\necho " + code
                + " > \"$IMELAB_EXIT_CODE_FILE\"; exit 1";
    }

    void requiredUninstall(int code) throws Exception {
        installed(m("tool"));
        lab.app(EngineLab.policy(app, "Remove Me " + n, m("tool")).intent(Intent.UNINSTALL).build(), "exit 0",
                uninstall(m("tool"), code));
    }

    @Test
    void anUninstallAskingForASoftRebootIsSuccessUninstallPendingReboot() throws Exception {
        requiredUninstall(3010);
        lab.checkIn();
        assertEquals(List.of("uninstall"), steps());
        assertFalse(Files.exists(lab.marker(m("tool"))));
        assertTrue(complianceJson(app).startsWith("{\"Applicability\":0,\"ComplianceState\":2,\"DesiredState\":1,"
                + "\"ErrorCode\":3010,\"TargetingMethod\":0,"), complianceJson(app));
        assertEquals("{\"EnforcementState\":1011,\"ErrorCode\":3010,\"TargetingMethod\":0}", enforcementJson(app),
                "SuccessUninstallPendingReboot");
        assertEquals(1011, reported(app).orElseThrow().enforcementStateMessage().enforcementState());
        assertTrue(lab.ime.grs().find(Scope.DEVICE, app).isEmpty(), "a success: no GRS");
        assertTrue(log.messages().contains("[Win32App] lpExitCode is defined as SoftReboot"));
        assertTrue(log.messages().contains("[Win32App] Uninstall of app with id: " + app + " completes at the next "
                + "device restart (SoftReboot)."), () -> String.join("\n", log.messages()));
    }

    @Test
    void anUninstallAskingForAHardRebootIsInProgressUninstallPendingReboot() throws Exception {
        requiredUninstall(1641);
        lab.checkIn();
        assertTrue(complianceJson(app).startsWith("{\"Applicability\":0,\"ComplianceState\":2,\"DesiredState\":1,"
                + "\"ErrorCode\":1641,\"TargetingMethod\":0,"), complianceJson(app));
        assertEquals("{\"EnforcementState\":2011,\"ErrorCode\":1641,\"TargetingMethod\":0}", enforcementJson(app),
                "InProgressUninstallPendingReboot");
        assertEquals(2011, reported(app).orElseThrow().enforcementStateMessage().enforcementState());
        assertTrue(log.messages().contains("[Win32App] lpExitCode is defined as HardReboot"));

        // the re-evaluation before a restart keeps the result as it is and runs nothing again
        lab.scheduler.advanceBy(Duration.ofHours(9));
        lab.checkIn();
        assertEquals(List.of("uninstall"), steps());
        assertEquals("{\"EnforcementState\":2011,\"ErrorCode\":1641,\"TargetingMethod\":0}", enforcementJson(app));
    }

    @Test
    void anUninstallerAskingForARebootWithTheAppStillThereFails() throws Exception {
        installed(m("tool"));
        lab.app(EngineLab.policy(app, "Remove Me " + n, m("tool")).intent(Intent.UNINSTALL).build(), "exit 0",
                step("uninstall") + "\necho 3010 > \"$IMELAB_EXIT_CODE_FILE\"; exit 1");
        lab.checkIn();
        assertEquals("{\"EnforcementState\":5000,\"ErrorCode\":-2016345059,\"TargetingMethod\":0}",
                enforcementJson(app), "the reboot code does not excuse an app still detected");
        assertTrue(lab.ime.grs().find(Scope.DEVICE, app).isPresent());
        Files.delete(lab.marker(m("tool")));
    }

    /** newer replaces older (Action 110); older's uninstaller removes it and exits with {@code code}. */
    void replacePair(int code) throws Exception {
        installed(m("old"));
        lab.app(EngineLab.policy(newer, "Tool 2.0 " + n, m("new"))
                .flatDependencies(List.of(new FlatDependency(110, newer, older, 0, 0))).build(),
                step("install-new") + "\n" + EngineLab.createMarker(m("new")), null);
        lab.app(EngineLab.policy(older, "Tool 1.0 " + n, m("old")).intent(Intent.NOT_TARGETED).build(),
                step("install-old"), uninstall(m("old"), code));
    }

    @Test
    void aReplacedAppRemovedWithASoftRebootLetsItsSuccessorInstallPendingReboot() throws Exception {
        replacePair(3010);
        lab.checkIn();
        assertEquals(List.of("uninstall", "install-new"), steps());
        assertTrue(complianceJson(older).startsWith("{\"Applicability\":0,\"ComplianceState\":2,\"DesiredState\":1,"
                + "\"ErrorCode\":3010,\"TargetingMethod\":1,"), complianceJson(older));
        assertEquals("{\"EnforcementState\":1016,\"ErrorCode\":3010,\"TargetingMethod\":1}", enforcementJson(older),
                "SuccessAppRemovedBySupersedence, with the soft reboot code");
        assertTrue(complianceJson(newer).startsWith("{\"Applicability\":0,\"ComplianceState\":1,\"DesiredState\":2,"
                + "\"ErrorCode\":null,\"TargetingMethod\":0,"), complianceJson(newer));
        assertEquals("{\"EnforcementState\":1013,\"ErrorCode\":0,\"TargetingMethod\":0}", enforcementJson(newer),
                "SuccessSupersededAppUninstallPendingReboot");
        assertEquals(1013, reported(newer).orElseThrow().enforcementStateMessage().enforcementState());
        assertTrue(log.messages().contains("[Win32App] App with id: " + newer + " is installed while the uninstall of "
                + "its superseded app is pending a device restart."), () -> String.join("\n", log.messages()));
        Files.delete(lab.marker(m("new")));
    }

    @Test
    void aReplacedAppRemovedWithAHardRebootHoldsItsSuccessorUntilTheDeviceRestarts() throws Exception {
        replacePair(1641);
        lab.checkIn();
        assertEquals(List.of("uninstall"), steps(), "the successor waits for the restart");
        assertFalse(Files.exists(lab.marker(m("new"))));
        assertTrue(complianceJson(older).startsWith("{\"Applicability\":0,\"ComplianceState\":2,\"DesiredState\":1,"
                + "\"ErrorCode\":1641,\"TargetingMethod\":1,"), complianceJson(older));
        assertEquals("{\"EnforcementState\":2011,\"ErrorCode\":1641,\"TargetingMethod\":1}", enforcementJson(older),
                "InProgressUninstallPendingReboot");
        assertTrue(complianceJson(newer).startsWith("{\"Applicability\":0,\"ComplianceState\":2,\"DesiredState\":2,"
                + "\"ErrorCode\":null,\"TargetingMethod\":0,"), complianceJson(newer));
        assertEquals("{\"EnforcementState\":6010,\"ErrorCode\":null,\"TargetingMethod\":0}", enforcementJson(newer),
                "NotAttemptedSupersededAppUninstallPendingReboot");
        assertEquals(6010, reported(newer).orElseThrow().enforcementStateMessage().enforcementState());
        assertTrue(lab.ime.grs().find(Scope.DEVICE, newer).isEmpty(), "nothing failed: no GRS");
        assertTrue(lab.ime.grs().find(Scope.DEVICE, older).isEmpty());
        assertTrue(log.messages().contains("[Win32App] App with id: " + newer + " will not be installed in this pass: "
                + "the uninstall of a superseded app is pending a device restart."),
                () -> String.join("\n", log.messages()));

        // without a restart the successor keeps waiting: at the next check-in, and at the re-evaluation
        lab.scheduler.advanceBy(Duration.ofHours(1));
        lab.checkIn();
        lab.scheduler.advanceBy(Duration.ofHours(9));
        lab.checkIn();
        assertEquals(List.of("uninstall"), steps(), "no restart yet: the successor still waits");
        assertEquals("{\"EnforcementState\":6010,\"ErrorCode\":null,\"TargetingMethod\":0}", enforcementJson(newer));
        assertEquals("{\"EnforcementState\":2011,\"ErrorCode\":1641,\"TargetingMethod\":1}", enforcementJson(older));

        // the (simulated) restart: the old app is gone for good (1016), the successor installs
        lab.restart();
        assertEquals(List.of("uninstall", "install-new"), steps(), "the old app is gone: the successor installs");
        assertTrue(Files.exists(lab.marker(m("new"))));
        assertEquals("{\"EnforcementState\":1016,\"ErrorCode\":0,\"TargetingMethod\":1}", enforcementJson(older),
                "SuccessAppRemovedBySupersedence");
        assertEquals("{\"EnforcementState\":1000,\"ErrorCode\":0,\"TargetingMethod\":0}", enforcementJson(newer));
        assertEquals(1000, reported(newer).orElseThrow().enforcementStateMessage().enforcementState());
        assertEquals(1016, reported(older).orElseThrow().enforcementStateMessage().enforcementState());

        // and the one after that is the ordinary re-evaluation again: nothing runs
        lab.scheduler.advanceBy(Duration.ofHours(1));
        lab.checkIn();
        assertEquals(List.of("uninstall", "install-new"), steps());
        Files.delete(lab.marker(m("new")));
    }
}
