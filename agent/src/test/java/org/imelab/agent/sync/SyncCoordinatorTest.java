package org.imelab.agent.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.imelab.agent.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Coalescing on a real check-in thread, made deterministic with latches. */
class SyncCoordinatorTest {
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "checkin"));
    private final List<CheckinRequest> runs = new CopyOnWriteArrayList<>();
    private final LogCapture log = LogCapture.ime();

    @AfterEach
    void tearDown() {
        worker.shutdownNow();
        log.close();
    }

    /** A handler whose n-th run (1-based) signals it started and waits until released. */
    private static final class Gate {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
    }

    private SyncCoordinator coordinator(Gate... gates) {
        return new SyncCoordinator(request -> {
            runs.add(request);
            int n = runs.size();
            if (n <= gates.length) {
                gates[n - 1].started.countDown();
                if (!gates[n - 1].release.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("test gate never released");
                }
            }
            return CheckinOutcome.success("run " + n);
        }, worker, Clock.systemUTC());
    }

    @Test
    void aThousandTriggersDuringACheckinGiveOneMoreCheckinAndLoseNone() throws Exception {
        Gate first = new Gate();
        SyncCoordinator c = coordinator(first);
        CompletableFuture<CheckinResult> opener = c.request(CheckinTrigger.SERVICE_START);
        assertTrue(first.started.await(10, TimeUnit.SECONDS));

        // 999 more from four threads at once: the user pressing "sync" like a maniac, a push, the CLI
        CheckinTrigger[] kinds = {CheckinTrigger.MONIKER_SYNCAPP, CheckinTrigger.MONIKER_SYNCCOMPLIANCE,
                CheckinTrigger.CLI_SYNC, CheckinTrigger.GATEWAY_PUSH, CheckinTrigger.TIMER};
        ExecutorService pressers = Executors.newFixedThreadPool(4);
        List<Future<CompletableFuture<CheckinResult>>> submitted = new ArrayList<>();
        for (int i = 0; i < 999; i++) {
            CheckinTrigger t = kinds[i % kinds.length];
            submitted.add(pressers.submit(() -> c.request(t)));
        }
        List<CompletableFuture<CheckinResult>> storm = new ArrayList<>();
        for (Future<CompletableFuture<CheckinResult>> f : submitted) {
            storm.add(f.get(10, TimeUnit.SECONDS));
        }
        pressers.shutdown();
        assertEquals(1, runs.size(), "nothing else may start while the first check-in runs");
        first.release.countDown();

        CompletableFuture.allOf(storm.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertEquals(1, opener.get().request().number());
        for (CompletableFuture<CheckinResult> f : storm) {
            assertEquals(2, f.get().request().number(), "every storm trigger is served by the second check-in");
        }
        assertEquals(2, runs.size());
        assertEquals(EnumSet.of(CheckinTrigger.MONIKER_SYNCAPP, CheckinTrigger.MONIKER_SYNCCOMPLIANCE,
                CheckinTrigger.CLI_SYNC, CheckinTrigger.GATEWAY_PUSH, CheckinTrigger.TIMER), runs.get(1).triggers());
        assertEquals(new SyncCoordinator.Counts(2, 1000), c.counts());
        assertEquals(1, log.messages().stream().filter(m -> m.contains("while check-in 1 runs")).count(),
                "one line per coalesced batch, not a thousand");
    }

    @Test
    void aTriggerDuringTheCoalescedRunIsServedByAThirdRun() throws Exception {
        Gate first = new Gate();
        Gate second = new Gate();
        SyncCoordinator c = coordinator(first, second);
        c.request(CheckinTrigger.SERVICE_START);
        assertTrue(first.started.await(10, TimeUnit.SECONDS));
        CompletableFuture<CheckinResult> during1 = c.request(CheckinTrigger.MONIKER_SYNCAPP);
        first.release.countDown();
        assertTrue(second.started.await(10, TimeUnit.SECONDS));
        CompletableFuture<CheckinResult> during2 = c.request(CheckinTrigger.CLI_SYNC);
        assertFalse(during2.isDone());
        second.release.countDown();
        assertEquals(2, during1.get(10, TimeUnit.SECONDS).request().number());
        assertEquals(3, during2.get(10, TimeUnit.SECONDS).request().number());
        assertEquals(3, runs.size());
    }

    @Test
    void triggersWhileIdleEachGetTheirOwnCheckin() throws Exception {
        SyncCoordinator c = coordinator();
        assertEquals(1, c.request(CheckinTrigger.SERVICE_START).get(10, TimeUnit.SECONDS).request().number());
        assertEquals(2, c.request(CheckinTrigger.TIMER).get(10, TimeUnit.SECONDS).request().number());
        assertTrue(c.current().isEmpty());
        assertEquals(2, c.last().orElseThrow().request().number());
    }

    /**
     * What an observer is told has finished is finished for everyone: the daemon answers a moniker
     * "one is running now" from {@link SyncCoordinator#current()}, so a caller woken by
     * checkinFinished must not still see it running (EmsAgentTest's old race).
     */
    @Test
    void observersSeeAFinishedCheckinAsFinished() throws Exception {
        SyncCoordinator c = coordinator();
        List<String> seen = new CopyOnWriteArrayList<>();
        c.addObserver(new CheckinObserver() {
            @Override
            public void checkinStarted(CheckinRequest request) {
                seen.add("started: current " + c.current().map(CheckinRequest::number).orElse(0L));
            }

            @Override
            public void checkinFinished(CheckinResult result) {
                seen.add("finished: current " + c.current().map(CheckinRequest::number).orElse(0L)
                        + ", last " + c.last().map(r -> r.request().number()).orElse(0L));
            }
        });
        c.request(CheckinTrigger.SERVICE_START).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("started: current 1", "finished: current 0, last 1"), seen);
    }

    @Test
    void aFailingCheckinIsReportedAndTheNextOneStillRuns() throws Exception {
        int[] calls = {0};
        SyncCoordinator c = new SyncCoordinator(request -> {
            if (++calls[0] == 1) {
                throw new java.io.IOException("connection refused");
            }
            return CheckinOutcome.success("fine");
        }, worker, Clock.systemUTC());
        CheckinResult failed = c.request(CheckinTrigger.SERVICE_START).get(10, TimeUnit.SECONDS);
        assertFalse(failed.outcome().success());
        assertEquals("Failed: java.io.IOException: connection refused", failed.outcome().resultText());
        assertTrue(c.request(CheckinTrigger.TIMER).get(10, TimeUnit.SECONDS).outcome().success());
        assertTrue(log.messages().contains("[Win32App] Check-in 1 failed: java.io.IOException: connection refused"));
    }

    @Test
    void evenAnErrorFromTheHandlerOnlyFailsThatCheckin() throws Exception {
        int[] calls = {0};
        SyncCoordinator c = new SyncCoordinator(request -> {
            if (++calls[0] == 1) {
                throw new NoClassDefFoundError("org/example/Missing");
            }
            return CheckinOutcome.success("fine");
        }, worker, Clock.systemUTC());
        assertFalse(c.request(CheckinTrigger.SERVICE_START).get(10, TimeUnit.SECONDS).outcome().success());
        assertTrue(c.request(CheckinTrigger.TIMER).get(10, TimeUnit.SECONDS).outcome().success());
    }

    @Test
    void closingCancelsPendingTriggersAndRefusesNewOnes() throws Exception {
        Gate first = new Gate();
        SyncCoordinator c = coordinator(first);
        CompletableFuture<CheckinResult> running = c.request(CheckinTrigger.SERVICE_START);
        assertTrue(first.started.await(10, TimeUnit.SECONDS));
        CompletableFuture<CheckinResult> pending = c.request(CheckinTrigger.MONIKER_SYNCAPP);
        c.close();
        assertThrows(CancellationException.class, () -> pending.get(10, TimeUnit.SECONDS));
        assertTrue(c.request(CheckinTrigger.CLI_SYNC).isCompletedExceptionally());
        first.release.countDown();
        assertTrue(running.get(10, TimeUnit.SECONDS).outcome().success(), "the running check-in finishes");
        assertEquals(1, runs.size());
    }

    @Test
    void observersSeeTheCheckinBeforeItsWaitersAreReleased() throws Exception {
        SyncCoordinator c = coordinator();
        List<String> seen = new CopyOnWriteArrayList<>();
        c.addObserver(new CheckinObserver() {
            @Override public void checkinStarted(CheckinRequest r) { seen.add("started " + r.number()); }
            @Override public void checkinFinished(CheckinResult r) { seen.add("finished " + r.request().number()); }
        });
        c.addObserver(new CheckinObserver() {
            @Override public void checkinFinished(CheckinResult r) { throw new IllegalStateException("broken observer"); }
        });
        c.request(CheckinTrigger.CLI_SYNC).thenRun(() -> seen.add("waiter")).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("started 1", "finished 1", "waiter"), seen);
    }
}
