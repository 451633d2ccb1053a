package org.imelab.agent.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real executor: only zero-delay tasks and latches, so the test never waits on a timer. */
class ExecutorSchedulerTest {

    @Test
    void runsTasksOnItsNamedThreadAndSurvivesAFailingTask() throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        try (ExecutorScheduler s = new ExecutorScheduler("ime-timer", Clock.systemUTC())) {
            s.schedule("fails", Duration.ZERO, () -> {
                throw new IllegalStateException("expected by the test");
            });
            s.schedule("records", Duration.ZERO, () -> {
                threads.add(Thread.currentThread().getName());
                done.countDown();
            });
            assertTrue(done.await(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of("ime-timer-1"), threads);
    }

    @Test
    void cancelledTaskDoesNotRunAndClosedSchedulerRefuses() throws Exception {
        ExecutorScheduler s = new ExecutorScheduler("ime-timer", Clock.systemUTC());
        Cancellable far = s.schedule("far", Duration.ofDays(1), () -> { });
        assertTrue(far.cancel());
        assertFalse(far.cancel());
        s.close();
        assertThrows(IllegalStateException.class, () -> s.schedule("late", Duration.ZERO, () -> { }));
    }
}
