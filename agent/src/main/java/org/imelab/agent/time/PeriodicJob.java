package org.imelab.agent.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job that re-arms itself after each run. The body returns the delay until its next run (the
 * OkHttp task idea), so a job whose interval changes while it runs needs no special case.
 * The job boundary is the one place its failures are caught: a failing run is logged with the
 * job's name and the job runs again after {@code afterFailure}.
 */
public final class PeriodicJob {
    private static final Logger log = LoggerFactory.getLogger(PeriodicJob.class);

    /** One run of the job. */
    @FunctionalInterface
    public interface Body {
        /** Does the work and returns how long to wait before the next run. */
        Duration runOnce();
    }

    private final String name;
    private final Scheduler scheduler;
    private final Duration afterFailure;
    private final Body body;

    private Cancellable handle;
    private Instant nextRun;
    private long generation;
    private boolean stopped;

    public PeriodicJob(String name, Scheduler scheduler, Duration afterFailure, Body body) {
        this.name = name;
        this.scheduler = scheduler;
        this.afterFailure = afterFailure;
        this.body = body;
    }

    public String name() {
        return name;
    }

    /** Arms the job to run first after {@code delay}. */
    public synchronized void startIn(Duration delay) {
        rescheduleAt(scheduler.now().plus(delay.isNegative() ? Duration.ZERO : delay));
    }

    /**
     * Moves the next run to {@code due} (now, if it has passed). Called while the body runs, this
     * wins over the delay the body returns.
     */
    public synchronized void rescheduleAt(Instant due) {
        if (stopped) {
            return;
        }
        if (handle != null) {
            handle.cancel();
        }
        long gen = ++generation;
        nextRun = due;
        handle = scheduler.scheduleAt(name, due, () -> fire(gen));
    }

    /** Cancels the pending run; a run in progress finishes but does not re-arm. */
    public synchronized void stop() {
        stopped = true;
        generation++;
        nextRun = null;
        if (handle != null) {
            handle.cancel();
            handle = null;
        }
    }

    /** When the job runs next; empty while it runs or once stopped. */
    public synchronized Optional<Instant> nextRun() {
        return Optional.ofNullable(nextRun);
    }

    private void fire(long gen) {
        synchronized (this) {
            if (stopped || gen != generation) {
                return; // cancelled or moved after this run was already queued
            }
            handle = null;
            nextRun = null;
        }
        Duration next;
        try {
            next = body.runOnce();
        } catch (RuntimeException e) {
            log.error("Periodic job '{}' failed; next run in {}", name, afterFailure, e);
            next = afterFailure;
        }
        synchronized (this) {
            if (!stopped && gen == generation) {
                Duration d = next.isNegative() ? Duration.ZERO : next;
                long g = ++generation;
                nextRun = scheduler.now().plus(d);
                handle = scheduler.schedule(name, d, () -> fire(g));
            }
        }
    }
}
