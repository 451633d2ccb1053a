package org.imelab.agent.time;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The agent's only way to wait: every timer (check-in, retries, re-evaluation) goes through a
 * scheduler, so tests drive time by hand ({@code ManualScheduler}) instead of sleeping.
 */
public interface Scheduler extends AutoCloseable {

    /**
     * Runs {@code task} once after {@code delay} (zero or negative: as soon as possible).
     *
     * @param name what the task is, for diagnostics when it fails
     */
    Cancellable schedule(String name, Duration delay, Runnable task);

    /** The wall clock the scheduler's due times are measured against. */
    InstantSource clock();

    default Instant now() {
        return clock().instant();
    }

    /** Runs {@code task} once at {@code due}, or as soon as possible when that has passed. */
    default Cancellable scheduleAt(String name, Instant due, Runnable task) {
        Duration delay = Duration.between(now(), due);
        return schedule(name, delay.isNegative() ? Duration.ZERO : delay, task);
    }

    /** Cancels everything still pending; tasks scheduled afterwards are refused. */
    @Override
    void close();
}
