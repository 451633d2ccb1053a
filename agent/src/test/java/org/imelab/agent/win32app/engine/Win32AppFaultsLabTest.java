package org.imelab.agent.win32app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import org.imelab.agent.win32app.state.ErrorCodes;
import org.imelab.registry.ime.Scope;
import org.junit.jupiter.api.Test;

/**
 * The lab file's {@code faults}, end to end over HTTPS: the device-side ones reach the engine in the
 * served policy's {@code ImelabFaults} (read by {@link LabPolicyFaults}, as {@code run --lab} wires
 * it), the gateway-side ones make the lab's GetContentInfo or CDN fail for that app alone.
 */
class Win32AppFaultsLabTest extends EngineLabCase {
    @Override
    AppFaults faults() {
        return new LabPolicyFaults();
    }

    /** Adds an app counting its installer runs (and creating its marker) with these faults. */
    private void appWithFaults(String id, String marker, String faultsJson) throws Exception {
        ObjectNode entry = lab.app(EngineLab.policy(id, "Fault " + marker, marker).build(),
                lab.countRun(marker) + "\n" + EngineLab.createMarker(marker), null);
        entry.set("faults", lab.raw(faultsJson));
        lab.writeLab();
    }

    @Test
    void forcedExitCodeReplacesTheInstallersAndFailsTheApp() throws Exception {
        String id = "f1000000-0000-4000-8000-000000000001";
        appWithFaults(id, "exit.txt", "{\"exitCode\": 1603}");
        String healthy = "f1000000-0000-4000-8000-0000000000aa";
        lab.app(EngineLab.policy(healthy, "Healthy", "healthy.txt").build(), EngineLab.createMarker("healthy.txt"),
                null);

        lab.checkIn();

        assertEquals(1, lab.runs("exit.txt"), "the installer still runs");
        assertTrue(Files.exists(lab.marker("exit.txt")));
        assertEquals("{\"EnforcementState\":5000,\"ErrorCode\":1603,\"TargetingMethod\":0}",
                enforcement(id).orElseThrow().toJson());
        assertTrue(lab.ime.grs().find(Scope.DEVICE, id).isPresent(), "a Failed code enters the GRS");
        assertEquals(1603, reported(id).orElseThrow().enforcementStateMessage().errorCode());
        assertTrue(log.messages().contains("[Win32App] Lab fault: exit code of app " + id + " forced from 0 to 1603"));
        assertEquals(1000, enforcement(healthy).orElseThrow().enforcementState().code(), "other apps are untouched");
    }

    @Test
    void forcedDetectionSkipsTheInstallOrFailsItAfterwards() throws Exception {
        String present = "f2000000-0000-4000-8000-000000000002";
        appWithFaults(present, "present.txt", "{\"detection\": true}");
        String absent = "f2000000-0000-4000-8000-000000000003";
        appWithFaults(absent, "absent.txt", "{\"detection\": false}");

        lab.checkIn();

        assertEquals(0, lab.runs("present.txt"), "detected: nothing to install");
        assertEquals(1, compliance(present).orElseThrow().complianceState().code(), "compliant (installed)");
        assertEquals(1, lab.runs("absent.txt"), "not detected: installed");
        assertTrue(Files.exists(lab.marker("absent.txt")));
        assertEquals(ErrorCodes.NOT_DETECTED_AFTER_INSTALL, enforcement(absent).orElseThrow().errorCode(),
                "the installer created its file, yet detection is forced to NotDetected");
        assertTrue(log.messages().contains("[Win32App] Lab fault: detection of app " + present + " forced to Detected"));
    }

    @Test
    void downloadFailureAtTheCdnFailsTheAppWithTheDownloadCode() throws Exception {
        String id = "f3000000-0000-4000-8000-000000000004";
        appWithFaults(id, "download.txt", "{\"downloadFailure\": 503}");

        lab.checkIn();

        assertEquals(0, lab.runs("download.txt"));
        assertEquals(ErrorCodes.DOWNLOAD_FAILED, enforcement(id).orElseThrow().errorCode());
        assertEquals(ErrorCodes.DOWNLOAD_FAILED, reported(id).orElseThrow().enforcementStateMessage().errorCode());
        assertTrue(log.messages().stream().anyMatch(m -> m.contains("HTTP 503")),
                () -> String.join("\n", log.messages()));
        assertFalse(Files.exists(lab.dir.resolve("IMECache").resolve(id + "_1").resolve("install.sh")));

        // the fault lifted from the lab file: the same app installs once its GRS has expired
        lab.removeApps();
        lab.app(EngineLab.policy(id, "Fault download.txt", "download.txt").build(),
                lab.countRun("download.txt") + "\n" + EngineLab.createMarker("download.txt"), null);
        lab.scheduler.advanceBy(java.time.Duration.ofHours(25)); // past the GRS, at a re-evaluation
        lab.checkIn();
        assertEquals(1, lab.runs("download.txt"));
        assertEquals(1000, enforcement(id).orElseThrow().enforcementState().code());
    }

    @Test
    void gatewayErrorOnGetContentInfoFailsThatAppAlone() throws Exception {
        String id = "f4000000-0000-4000-8000-000000000005";
        appWithFaults(id, "gateway.txt", "{\"gatewayError\": true}");
        String healthy = "f4000000-0000-4000-8000-0000000000bb";
        lab.app(EngineLab.policy(healthy, "Healthy", "healthy2.txt").build(), EngineLab.createMarker("healthy2.txt"),
                null);

        lab.checkIn();

        assertEquals(0, lab.runs("gateway.txt"));
        assertEquals(ErrorCodes.DOWNLOAD_FAILED, enforcement(id).orElseThrow().errorCode());
        assertTrue(log.messages().stream().anyMatch(m -> m.contains("500")), () -> String.join("\n", log.messages()));
        assertEquals(1000, enforcement(healthy).orElseThrow().enforcementState().code());
        assertTrue(Files.exists(lab.marker("healthy2.txt")));
    }
}
