package org.imelab.agent.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualSchedulerTest {
    private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");
    private final ManualScheduler scheduler = new ManualScheduler(T0);
    private final List<String> log = new ArrayList<>();

    private Runnable record(String what) {
        return () -> log.add(what + "@" + Duration.between(T0, scheduler.now()).toMinutes());
    }

    @Test
    void runsDueTasksInDueOrderWithTheClockAtTheirDueTime() {
        scheduler.schedule("b", Duration.ofMinutes(20), record("b"));
        scheduler.schedule("a", Duration.ofMinutes(10), record("a"));
        scheduler.schedule("c", Duration.ofMinutes(90), record("c"));
        scheduler.advanceBy(Duration.ofMinutes(30));
        assertEquals(List.of("a@10", "b@20"), log);
        assertEquals(T0.plus(Duration.ofMinutes(30)), scheduler.now());
        scheduler.advanceBy(Duration.ofMinutes(60));
        assertEquals(List.of("a@10", "b@20", "c@90"), log);
    }

    @Test
    void tiesRunInSchedulingOrderAndNestedTasksRunInTheSameAdvance() {
        scheduler.schedule("x", Duration.ofMinutes(5), () -> {
            record("x").run();
            scheduler.schedule("nested", Duration.ofMinutes(5), record("nested"));
        });
        scheduler.schedule("y", Duration.ofMinutes(5), record("y"));
        scheduler.advanceBy(Duration.ofMinutes(10));
        assertEquals(List.of("x@5", "y@5", "nested@10"), log);
    }

    @Test
    void cancelledTasksDoNotRun() {
        Cancellable c = scheduler.schedule("a", Duration.ofMinutes(1), record("a"));
        assertTrue(c.cancel());
        assertFalse(c.cancel());
        scheduler.advanceBy(Duration.ofHours(1));
        assertTrue(log.isEmpty());
    }

    @Test
    void refusesToGoBackwardsAndToScheduleWhenClosed() {
        assertThrows(IllegalArgumentException.class, () -> scheduler.advanceBy(Duration.ofSeconds(-1)));
        scheduler.close();
        assertThrows(IllegalStateException.class, () -> scheduler.schedule("a", Duration.ZERO, record("a")));
    }
}
