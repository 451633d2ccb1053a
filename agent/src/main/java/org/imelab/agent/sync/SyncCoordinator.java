package org.imelab.agent.sync;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs check-ins one at a time and coalesces triggers. While a check-in runs, any number of new
 * triggers cause at most one more check-in, which serves all of them; no trigger is lost, because
 * a trigger that arrives during a run is served by the next run, which starts after it arrived.
 *
 * <p>States: {@code IDLE} (nothing runs), {@code RUNNING} (the worker drains the pending
 * triggers, one check-in per batch), {@code CLOSED} (no more check-ins; waiters are cancelled).
 */
public final class SyncCoordinator implements CheckinTriggers, AutoCloseable {
    private static final Logger ime = LoggerFactory.getLogger("ime.IntuneManagementExtension");
    private static final Logger log = LoggerFactory.getLogger(SyncCoordinator.class);

    static final String POLLER_STARTS =
            "[Win32App] ----------------------------------------------------- application poller starts.";
    static final String POLLER_STOPPED =
            "[Win32App] ----------------------------------------------------- application poller stopped.";

    private enum State { IDLE, RUNNING, CLOSED }

    private final CheckinHandler handler;
    private final Executor worker;
    private final InstantSource clock;
    private final List<CheckinObserver> observers = new CopyOnWriteArrayList<>();

    private final Object lock = new Object();
    private State state = State.IDLE;
    private final Set<CheckinTrigger> pendingTriggers = EnumSet.noneOf(CheckinTrigger.class);
    private final List<CompletableFuture<CheckinResult>> pendingWaiters = new ArrayList<>();
    private CheckinRequest current;
    private CheckinResult last;
    private long checkins;
    private long triggersReceived;

    /**
     * @param worker runs the check-ins; the daemon gives it one dedicated thread (tools correlate
     *        a workload's log lines by thread), tests may give {@code Runnable::run}
     */
    public SyncCoordinator(CheckinHandler handler, Executor worker, InstantSource clock) {
        this.handler = handler;
        this.worker = worker;
        this.clock = clock;
    }

    public void addObserver(CheckinObserver observer) {
        observers.add(observer);
    }

    @Override
    public CompletableFuture<CheckinResult> request(CheckinTrigger trigger) {
        CompletableFuture<CheckinResult> waiter = new CompletableFuture<>();
        boolean startWorker;
        synchronized (lock) {
            if (state == State.CLOSED) {
                waiter.completeExceptionally(new CancellationException("The agent is stopping"));
                return waiter;
            }
            triggersReceived++;
            if (state == State.RUNNING && pendingWaiters.isEmpty() && current != null) {
                ime.info("[Win32App] Check-in requested by {} while check-in {} runs; it will run once more when this one ends.",
                        trigger.description(), current.number());
            }
            pendingTriggers.add(trigger);
            pendingWaiters.add(waiter);
            startWorker = state == State.IDLE;
            if (startWorker) {
                state = State.RUNNING;
            }
        }
        if (startWorker) {
            try {
                worker.execute(this::drain);
            } catch (RejectedExecutionException e) {
                cancelPending("The check-in thread is not running");
            }
        }
        return waiter;
    }

    /** The check-in in progress, if any. */
    public Optional<CheckinRequest> current() {
        synchronized (lock) {
            return Optional.ofNullable(current);
        }
    }

    /** The last finished check-in since the agent started. */
    public Optional<CheckinResult> last() {
        synchronized (lock) {
            return Optional.ofNullable(last);
        }
    }

    /** How many check-ins ran and how many triggers came in, since the agent started. */
    public Counts counts() {
        synchronized (lock) {
            return new Counts(checkins, triggersReceived);
        }
    }

    /** Check-ins run and triggers received. */
    public record Counts(long checkins, long triggers) {
    }

    /**
     * Refuses new triggers and cancels the pending ones. A check-in in progress is not
     * interrupted here; the daemon decides how long to wait for it.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
        }
        cancelPending("The agent is stopping");
    }

    private void cancelPending(String why) {
        List<CompletableFuture<CheckinResult>> cancelled;
        synchronized (lock) {
            cancelled = new ArrayList<>(pendingWaiters);
            pendingWaiters.clear();
            pendingTriggers.clear();
            if (state == State.RUNNING && current == null) {
                state = State.IDLE;
            }
        }
        cancelled.forEach(w -> w.completeExceptionally(new CancellationException(why)));
    }

    private void drain() {
        while (true) {
            CheckinRequest request;
            List<CompletableFuture<CheckinResult>> waiters;
            synchronized (lock) {
                if (state != State.RUNNING || pendingWaiters.isEmpty()) {
                    if (state == State.RUNNING) {
                        state = State.IDLE;
                    }
                    return;
                }
                request = new CheckinRequest(++checkins, pendingTriggers, clock.instant());
                waiters = new ArrayList<>(pendingWaiters);
                pendingTriggers.clear();
                pendingWaiters.clear();
                current = request;
            }
            CheckinResult result;
            try {
                result = runOne(request);
            } catch (VirtualMachineError e) {
                // out of memory or stack: nothing sensible runs now; free whoever waits, go idle
                waiters.forEach(w -> w.completeExceptionally(e));
                cancelPending("The check-in thread failed: " + e);
                synchronized (lock) {
                    if (state == State.RUNNING) {
                        state = State.IDLE;
                    }
                }
                throw e;
            }
            waiters.forEach(w -> w.complete(result));
            if (Thread.currentThread().isInterrupted()) {
                cancelPending("The agent is stopping");
                synchronized (lock) {
                    if (state == State.RUNNING) {
                        state = State.IDLE;
                    }
                }
                return;
            }
        }
    }

    private CheckinResult runOne(CheckinRequest request) {
        ime.info(POLLER_STARTS);
        notifyStarted(request);
        CheckinOutcome outcome;
        try {
            outcome = call(request);
        } finally {
            synchronized (lock) {
                current = null;
            }
        }
        CheckinResult result = new CheckinResult(request, outcome, clock.instant());
        synchronized (lock) {
            last = result; // finished from here on: observers and status see it as the last one
        }
        notifyFinished(result);
        ime.info(POLLER_STOPPED);
        return result;
    }

    /** The handler, with the job boundary around it: whatever it throws becomes a failed outcome. */
    private CheckinOutcome call(CheckinRequest request) {
        CheckinOutcome outcome;
        try {
            outcome = handler.checkIn(request);
            if (outcome == null) {
                outcome = CheckinOutcome.failed("the check-in handler returned nothing");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = CheckinOutcome.failed("interrupted: the agent is stopping");
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Exception | Error e) {
            // the job boundary: a failing check-in (even a missing class or a failed assertion)
            // never takes the daemon down
            ime.error("[Win32App] Check-in {} failed: {}", request.number(), e.toString(), e);
            outcome = CheckinOutcome.failed(e.toString());
        }
        return outcome;
    }

    private void notifyStarted(CheckinRequest request) {
        for (CheckinObserver o : observers) {
            try {
                o.checkinStarted(request);
            } catch (RuntimeException e) {
                log.error("Check-in observer {} failed", o, e);
            }
        }
    }

    private void notifyFinished(CheckinResult result) {
        for (CheckinObserver o : observers) {
            try {
                o.checkinFinished(result);
            } catch (RuntimeException e) {
                log.error("Check-in observer {} failed", o, e);
            }
        }
    }
}
