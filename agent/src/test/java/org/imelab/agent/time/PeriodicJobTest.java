package org.imelab.agent.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodicJobTest {
    private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");
    private final ManualScheduler scheduler = new ManualScheduler(T0);
    private final List<Long> runsAtMinute = new ArrayList<>();

    private long minute() {
        return Duration.between(T0, scheduler.now()).toMinutes();
    }

    @Test
    void reArmsWithTheDelayTheBodyReturns() {
        PeriodicJob job = new PeriodicJob("tick", scheduler, Duration.ofMinutes(5), () -> {
            runsAtMinute.add(minute());
            return Cadences.CHECK_IN;
        });
        job.startIn(Duration.ofMinutes(1));
        scheduler.advanceBy(Duration.ofHours(3));
        assertEquals(List.of(1L, 61L, 121L), runsAtMinute);
        assertEquals(T0.plus(Duration.ofMinutes(181)), job.nextRun().orElseThrow());
    }

    @Test
    void aFailingRunIsRetriedAfterTheFailureDelay() {
        PeriodicJob job = new PeriodicJob("flaky", scheduler, Duration.ofMinutes(5), () -> {
            runsAtMinute.add(minute());
            if (runsAtMinute.size() == 1) {
                throw new IllegalStateException("boom");
            }
            return Duration.ofMinutes(60);
        });
        job.startIn(Duration.ZERO);
        scheduler.advanceBy(Duration.ofMinutes(70));
        assertEquals(List.of(0L, 5L, 65L), runsAtMinute);
    }

    @Test
    void rescheduleDuringARunWinsOverTheReturnedDelay() {
        PeriodicJob[] self = new PeriodicJob[1];
        self[0] = new PeriodicJob("moved", scheduler, Duration.ofMinutes(5), () -> {
            runsAtMinute.add(minute());
            self[0].rescheduleAt(scheduler.now().plus(Duration.ofMinutes(10)));
            return Duration.ofMinutes(60);
        });
        self[0].startIn(Duration.ZERO);
        scheduler.advanceBy(Duration.ofMinutes(25));
        assertEquals(List.of(0L, 10L, 20L), runsAtMinute);
    }

    @Test
    void stopCancelsThePendingRun() {
        PeriodicJob job = new PeriodicJob("tick", scheduler, Duration.ofMinutes(5), () -> {
            runsAtMinute.add(minute());
            return Duration.ofMinutes(10);
        });
        job.startIn(Duration.ofMinutes(10));
        job.stop();
        scheduler.advanceBy(Duration.ofHours(1));
        assertTrue(runsAtMinute.isEmpty());
        assertTrue(job.nextRun().isEmpty());
        job.rescheduleAt(scheduler.now());
        scheduler.runDue();
        assertTrue(runsAtMinute.isEmpty());
    }
}
