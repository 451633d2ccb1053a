package org.imelab.install.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.imelab.install.testing.ManualTicker;
import org.junit.jupiter.api.Test;

/**
 * What the Windows service host reports to the SCM, without Windows: the SetServiceStatus calls
 * are recorded, the heartbeat is driven by hand, the daemon is a latch.
 */
class ScmServiceMainTest {
    private final List<ScmStatus> reports = new CopyOnWriteArrayList<>();
    private final ScmStatusMachine status = new ScmStatusMachine(reports::add);
    private final ManualTicker ticker = new ManualTicker();
    private final ScmServiceMain main = new ScmServiceMain(status, ticker);

    /** A daemon whose start blocks until the test lets it go. */
    private static final class SlowDaemon implements HostedService {
        final CountDownLatch startEntered = new CountDownLatch(1);
        final CountDownLatch mayFinishStart = new CountDownLatch(1);
        final CountDownLatch stopped = new CountDownLatch(1);

        @Override
        public void start() throws InterruptedException {
            startEntered.countDown();
            mayFinishStart.await();
        }

        @Override
        public void stop() {
            stopped.countDown();
        }
    }

    @Test
    void reportsStartPendingWithMovingCheckpointsThenRunningThenStopPendingThenStopped() throws Exception {
        SlowDaemon daemon = new SlowDaemon();
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> main.run(daemon));
        assertTrue(daemon.startEntered.await(10, TimeUnit.SECONDS));

        ticker.tick();
        ticker.tick();
        daemon.mayFinishStart.countDown();
        awaitState(ServiceState.RUNNING);
        assertEquals(0, ticker.activeCount(), "no heartbeat while running");
        assertEquals(ScmServiceMain.NO_ERROR, main.onControl(ScmServiceMain.CONTROL_STOP));

        assertEquals(0, run.get(10, TimeUnit.SECONDS));
        assertTrue(daemon.stopped.await(0, TimeUnit.SECONDS));
        int hint = (int) ScmServiceMain.WAIT_HINT.toMillis();
        int accepts = ScmStatus.ACCEPT_STOP | ScmStatus.ACCEPT_SHUTDOWN;
        assertEquals(List.of(
                new ScmStatus(ServiceState.START_PENDING, 0, 0, 0, 1, hint),
                new ScmStatus(ServiceState.START_PENDING, 0, 0, 0, 2, hint),
                new ScmStatus(ServiceState.START_PENDING, 0, 0, 0, 3, hint),
                new ScmStatus(ServiceState.RUNNING, accepts, 0, 0, 0, 0),
                new ScmStatus(ServiceState.STOP_PENDING, 0, 0, 0, 1, hint),
                new ScmStatus(ServiceState.STOPPED, 0, 0, 0, 0, 0)), reports);
        assertTrue(ticker.periods().stream().allMatch(p -> p.compareTo(ScmServiceMain.WAIT_HINT) < 0),
                "the checkpoint moves well within the wait hint");
    }

    @Test
    void aDaemonThatCannotStartIsReportedStoppedWithAServiceSpecificExitCode() {
        HostedService broken = new HostedService() {
            @Override
            public void start() {
                throw new IllegalStateException("no data home");
            }

            @Override
            public void stop() {
            }
        };

        assertEquals(1, main.run(broken));

        ScmStatus last = reports.get(reports.size() - 1);
        assertEquals(ServiceState.STOPPED, last.state());
        assertEquals(ScmStatus.ERROR_SERVICE_SPECIFIC_ERROR, last.win32ExitCode());
        assertEquals(1, last.serviceSpecificExitCode());
    }

    @Test
    void shutdownStopsLikeStopInterrogateReportsAgainAndOtherControlsAreNotImplemented() throws Exception {
        SlowDaemon daemon = new SlowDaemon();
        daemon.mayFinishStart.countDown();
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> main.run(daemon));
        awaitState(ServiceState.RUNNING);
        int before = reports.size();

        assertEquals(ScmServiceMain.NO_ERROR, main.onControl(ScmServiceMain.CONTROL_INTERROGATE));
        assertEquals(reports.get(before - 1), reports.get(before), "interrogate repeats the current status");
        assertEquals(ScmServiceMain.ERROR_CALL_NOT_IMPLEMENTED, main.onControl(2 /* PAUSE */));
        assertEquals(ScmServiceMain.NO_ERROR, main.onControl(ScmServiceMain.CONTROL_SHUTDOWN));

        assertEquals(0, run.get(10, TimeUnit.SECONDS));
        assertEquals(ServiceState.STOPPED, reports.get(reports.size() - 1).state());
    }

    @Test
    void theStateMachineRefusesIllegalTransitions() {
        assertThrows(IllegalStateException.class, status::running);
        status.startPending(Duration.ofSeconds(1));
        assertThrows(IllegalStateException.class, () -> status.startPending(Duration.ofSeconds(1)));
        status.running();
        status.stopPending(Duration.ofSeconds(1));
        status.stopped(0);
        assertThrows(IllegalStateException.class, () -> status.stopped(0));
    }

    private void awaitState(ServiceState wanted) throws InterruptedException {
        // the daemon thread reports asynchronously; wait on the reports, not on the clock
        CountDownLatch seen = new CountDownLatch(1);
        for (int i = 0; i < 1000 && seen.getCount() > 0; i++) {
            if (status.state() == wanted) {
                seen.countDown();
            } else {
                Thread.onSpinWait();
                seen.await(10, TimeUnit.MILLISECONDS);
            }
        }
        assertEquals(wanted, status.state());
    }
}
