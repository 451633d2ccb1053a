package org.imelab.agent.win32app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.imelab.agent.testing.LogCapture;
import org.imelab.agent.win32app.report.ReportNotDeliveredException;
import org.imelab.gateway.protocol.report.AppResult;
import org.imelab.registry.ime.PendingReportStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A result the gateway does not take waits under imelab's key and goes again at the next check-in,
 * across a restart of the agent (a new registry handle and engine over the same files), over HTTPS.
 */
class Win32AppReportResendLabTest {
    @TempDir
    Path dir;
    EngineLab lab;
    final AtomicBoolean outage = new AtomicBoolean();
    final java.util.concurrent.atomic.AtomicInteger delivered = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        lab = new EngineLab(dir);
        // the gateway's Win32AppResult is unreachable while the outage lasts; GetContentInfo still answers
        lab.reporterWrap = real -> results -> {
            if (outage.get()) {
                throw new ReportNotDeliveredException("Win32AppResult request failed with HTTP 503", null);
            }
            real.send(results);
            delivered.addAndGet(results.size());
        };
        lab.engine = lab.newEngine();
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    private List<AppResult> reported(String id) {
        return lab.gateway.appResults(lab.deviceId).stream().filter(r -> r.appId().equalsIgnoreCase(id)).toList();
    }

    @Test
    void anUndeliveredReportSurvivesARestartAndIsSentAtTheNextCheckin() throws Exception {
        String id = "e1000000-0000-4000-8000-000000000001";
        lab.app(EngineLab.policy(id, "Reported App", "reported.txt").build(), EngineLab.createMarker("reported.txt"), null);
        LogCapture log = new LogCapture("ime.AppWorkload");

        outage.set(true);
        assertTrue(lab.checkIn().summary().contains("1 installed"));
        assertEquals(List.of(), reported(id));
        List<PendingReportStore.Pending> waiting = lab.ime.pendingReports().all();
        assertEquals(1, waiting.size());
        assertEquals(id, waiting.getFirst().appId());
        assertTrue(waiting.getFirst().report().contains("{\\\"EnforcementState\\\":1000,"), waiting.getFirst().report());
        assertTrue(log.messages().stream().anyMatch(m -> m.startsWith("[Win32App][ReportingManager] Report of 1 app "
                + "result(s) not delivered, kept for the next check-in")));

        // a check-in during the outage: still waiting, nothing lost, nothing processed again
        lab.scheduler.advanceBy(Duration.ofMinutes(30));
        assertTrue(lab.checkIn().summary().contains("all unchanged"));
        assertEquals(1, lab.ime.pendingReports().all().size());

        // the agent restarts (a new registry handle and engine over the same files); the gateway is back
        outage.set(false);
        lab.openRegistry();
        assertTrue(log.messages().contains("[Win32App][ReportingManager] 1 app result(s) from an earlier run wait "
                + "for the service."));
        lab.scheduler.advanceBy(Duration.ofMinutes(30));
        String line = lab.checkIn().summary();
        assertTrue(line.contains("all unchanged"), "the app is not processed again, only reported: " + line);

        List<AppResult> atGateway = reported(id);
        assertEquals(1, atGateway.size());
        assertEquals(1000, atGateway.getFirst().enforcementStateMessage().enforcementState());
        assertEquals(1, atGateway.getFirst().detectionState());
        assertEquals(1, delivered.get());
        assertEquals(List.of(), lab.ime.pendingReports().all(), "delivered: no longer waiting");

        // and it is not sent a second time
        lab.scheduler.advanceBy(Duration.ofMinutes(30));
        lab.checkIn();
        assertEquals(1, delivered.get());
    }
}
