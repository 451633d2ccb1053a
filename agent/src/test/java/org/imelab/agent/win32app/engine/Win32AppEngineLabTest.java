package org.imelab.agent.win32app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.imelab.agent.sync.CheckinOutcome;
import org.imelab.agent.win32app.state.ErrorCodes;
import org.imelab.gateway.protocol.report.AppResult;
import org.imelab.registry.ime.GrsEntry;
import org.imelab.registry.ime.ImeTime;
import org.imelab.registry.ime.RetryState;
import org.imelab.registry.ime.Scope;
import org.imelab.registry.ime.SubgraphHash;
import org.junit.jupiter.api.Test;

/** The engine against the lab gateway over HTTPS, one scenario of the sample lab per test, on a manual clock. */
class Win32AppEngineLabTest extends EngineLabCase {
    boolean logged(String message) {
        return log.messages().contains(message);
    }

    @Test
    void requiredAppIsDownloadedVerifiedUnpackedInstalledDetectedRecordedAndReported() throws Exception {
        String id = "a1000000-0000-4000-8000-000000000001";
        lab.app(EngineLab.policy(id, "Success App", "success.txt").build(), EngineLab.createMarker("success.txt"), null);

        String first = lab.checkIn().summary();
        assertTrue(first.contains("1 installed"), first);

        assertTrue(Files.exists(lab.marker("success.txt")), "the installer ran in IMECache and created its file");
        assertEquals("{\"Applicability\":0,\"ComplianceState\":1,\"DesiredState\":2,\"ErrorCode\":null,"
                + "\"TargetingMethod\":0,\"InstallContext\":2,\"TargetType\":2,\"ProductVersion\":null,"
                + "\"AssignmentFilterIds\":null}", compliance(id).orElseThrow().toJson());
        assertEquals("{\"EnforcementState\":1000,\"ErrorCode\":0,\"TargetingMethod\":0}",
                enforcement(id).orElseThrow().toJson());
        AppResult report = reported(id).orElseThrow();
        assertEquals(1, report.detectionState());
        assertEquals(1000, report.enforcementStateMessage().enforcementState());
        assertFalse(Files.exists(lab.dir.resolve("IMECache").resolve(id + "_1")), "staged content cleaned up");
        SubgraphHash hash = lab.ime.reporting().lastHashValue(Scope.DEVICE, id).orElseThrow();
        assertEquals(44, hash.value().length());
        for (String line : List.of(
                "[Win32App][V3Processor] Processing 1 subgraphs.",
                "[Win32App][V3Processor] Processing subgraph with app ids: " + id,
                "[Win32App][GRSManager] App with id: " + id + " has no recorded GRS value which will be treated as "
                        + "expired. | Hash = " + hash.value(),
                "[Win32App][DetectionActionHandler] Detection for policy with id: " + id + " resulted in action status: "
                        + "Success and detection state: NotDetected.",
                "Detection = NotDetected",
                "Applicability =  Applicable",
                "[Win32App] ===Step=== ExecuteWithRetry",
                "[Win32App] lpExitCode 0",
                "[Win32App] lpExitCode is defined as Success",
                "Detection = Detected",
                "[Win32App][ReportingManager] Execution state for app with id: " + id + " has been updated. Report "
                        + "delta: {\"EnforcementState\":{\"OldValue\":null,\"NewValue\":\"Success\"},"
                        + "\"EnforcementErrorCode\":{\"OldValue\":null,\"NewValue\":0}}",
                "Cleaning up staged content " + lab.dir.resolve("IMECache").resolve(id + "_1"),
                "[Win32App][V3Processor] Done processing subgraph.")) {
            assertTrue(logged(line), () -> "missing log line: " + line + "\n" + String.join("\n", log.messages()));
        }

        // an hour later nothing changed: the subgraph waits for its re-evaluation, nothing is written
        lab.scheduler.advanceBy(Duration.ofHours(1));
        String line = lab.checkIn().summary();
        assertTrue(line.contains("all unchanged"), line);
        assertTrue(log.messages().stream().anyMatch(m -> m.startsWith(
                "[Win32App][ReevaluationScheduleManager] Subgraph reevaluation interval is not expired")));
    }

    @Test
    void retryCodeRetriesThreeTimesFiveMinutesApartThenGrsThenAgainAfter24HoursAtTheReevaluation() throws Exception {
        String id = "a2000000-0000-4000-8000-000000000002";
        lab.app(EngineLab.policy(id, "Retry App", "retry.txt").build(),
                lab.countRun("retry") + "\necho 1618 > \"$IMELAB_EXIT_CODE_FILE\"", null);
        Instant start = lab.scheduler.now();

        lab.checkIn();
        assertEquals(1, lab.runs("retry"));
        RetryState first = lab.ime.retries().read(Scope.DEVICE, key(id)).orElseThrow();
        assertEquals(new RetryState(1, start.plus(Duration.ofMinutes(5))), first);
        assertEquals("{\"EnforcementState\":5007,\"ErrorCode\":1618,\"TargetingMethod\":0}",
                enforcement(id).orElseThrow().toJson());
        assertEquals(Optional.of(first.nextRetryTimeUtc()), lab.engine.nextDue(), "the daemon wakes for the retry");
        assertTrue(logged("[Win32App] Retry 1 of 3 for app " + id + " is due at "
                + ImeTime.format(first.nextRetryTimeUtc()) + " UTC"));

        // a check-in before the retry is due does not run the installer
        lab.scheduler.advanceBy(Duration.ofMinutes(2));
        lab.checkIn();
        assertEquals(1, lab.runs("retry"));

        for (int retry = 1; retry <= 3; retry++) {
            lab.scheduler.advanceTo(lab.engine.nextDue().orElseThrow());
            assertEquals(start.plus(Duration.ofMinutes(5L * retry)), lab.scheduler.now());
            CheckinOutcome retried = lab.checkIn();
            assertEquals(1 + retry, lab.runs("retry"));
            // the console line shows the attempt, even when the state stays the same (5007, 1618)
            assertTrue(retried.summary().contains(retry < 3 ? "1 waiting retry" : "1 failed"), retried.summary());
        }
        // the fourth Retry code: no retries left, the app enters the GRS
        assertTrue(lab.ime.retries().read(Scope.DEVICE, key(id)).isEmpty());
        assertEquals("{\"EnforcementState\":5000,\"ErrorCode\":1618,\"TargetingMethod\":0}",
                enforcement(id).orElseThrow().toJson());
        GrsEntry grs = lab.ime.grs().find(Scope.DEVICE, id).orElseThrow();
        Instant failedAt = start.plus(Duration.ofMinutes(15));
        assertEquals(failedAt, grs.enteredUtc());
        assertTrue(logged("[Win32App][GRSManager] Saving GRS values to storage."));

        // hourly check-ins and the 8 h and 16 h re-evaluations leave it in the GRS
        for (int h = 1; h <= 23; h++) {
            lab.scheduler.advanceTo(failedAt.plus(Duration.ofHours(h)));
            lab.checkIn();
        }
        assertEquals(4, lab.runs("retry"));
        assertTrue(logged("[Win32App][GRSManager] App with id: " + id + " is not expired. | Hash = " + grs.hash().value()));

        // 24 h after: the re-evaluation due then finds the GRS expired and enforces again
        lab.scheduler.advanceTo(failedAt.plus(Duration.ofHours(24)));
        lab.checkIn();
        assertEquals(5, lab.runs("retry"));
        assertTrue(logged("[Win32App][GRSManager] App with id: " + id + " is expired. | Hash = " + grs.hash().value()));
    }

    @Test
    void failedExitCodeGoesStraightToTheGrs() throws Exception {
        String id = "a3000000-0000-4000-8000-000000000003";
        lab.app(EngineLab.policy(id, "Failing App", "fail.txt").build(), lab.countRun("fail") + "\nexit 3", null);

        lab.checkIn();
        assertEquals("{\"EnforcementState\":5000,\"ErrorCode\":3,\"TargetingMethod\":0}",
                enforcement(id).orElseThrow().toJson());
        assertEquals(lab.scheduler.now(), lab.ime.grs().find(Scope.DEVICE, id).orElseThrow().enteredUtc());
        assertTrue(logged("[Win32App] lpExitCode is defined as Failed"));
        assertEquals(5000, reported(id).orElseThrow().enforcementStateMessage().enforcementState());

        lab.scheduler.advanceBy(Duration.ofHours(8));
        lab.checkIn();
        assertEquals(1, lab.runs("fail"), "in the GRS: not retried at the 8 h re-evaluation");
    }

    @Test
    void installerThatSucceedsButIsNotDetectedFailsWith0x87D1041C() throws Exception {
        String id = "a4000000-0000-4000-8000-000000000004";
        lab.app(EngineLab.policy(id, "Undetected App", "never.txt").build(), "exit 0", null);
        lab.checkIn();
        assertEquals(-2016345060, ErrorCodes.NOT_DETECTED_AFTER_INSTALL);
        assertEquals("{\"EnforcementState\":5000,\"ErrorCode\":-2016345060,\"TargetingMethod\":0}",
                enforcement(id).orElseThrow().toJson());
        assertEquals(-2016345060, compliance(id).orElseThrow().errorCode());
        assertEquals(2, compliance(id).orElseThrow().desiredState().code());
    }
}
