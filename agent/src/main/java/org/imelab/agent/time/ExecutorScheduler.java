package org.imelab.agent.time;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production scheduler: one {@link ScheduledThreadPoolExecutor} thread with a readable name.
 * Tasks must be short (they fire triggers, they do not do the work); a failing task is logged
 * with its name and does not stop the thread.
 */
public final class ExecutorScheduler implements Scheduler {
    private static final Logger log = LoggerFactory.getLogger(ExecutorScheduler.class);

    private final ScheduledThreadPoolExecutor executor;
    private final InstantSource clock;

    public ExecutorScheduler(String threadName, InstantSource clock) {
        AtomicInteger n = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.executor.setRemoveOnCancelPolicy(true);
        this.executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.clock = clock;
    }

    @Override
    public Cancellable schedule(String name, Duration delay, Runnable task) {
        Runnable guarded = () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("Scheduled task '{}' failed", name, e);
            }
        };
        long nanos = delay.isNegative() ? 0 : saturatedNanos(delay);
        ScheduledFuture<?> f;
        try {
            f = executor.schedule(guarded, nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("Scheduler is closed; cannot schedule '" + name + "'", e);
        }
        return () -> f.cancel(false);
    }

    @Override
    public InstantSource clock() {
        return clock;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("Scheduler thread did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 2;
        }
    }
}
