package org.imelab.agent.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.imelab.agent.time.Cancellable;
import org.imelab.agent.time.Scheduler;
import org.imelab.registry.Registry;
import org.imelab.registry.ime.ImeLayout;
import org.imelab.registry.ime.InventoryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inventory in the daemon: a run at service start (a delta, or a full inventory the first
 * time), then runs on its own timer. The timer's due time is computed from the persisted
 * {@code InventorySetting} values after every run, so a restart picks up where the last run left
 * off. Runs happen on the workload's worker, one at a time, never on the scheduler's thread (an
 * upload waits on the gateway client, whose retries are timed by that same scheduler).
 *
 * <p>Lifecycle: {@code NEW -> RUNNING -> STOPPED}.
 */
public final class InventoryWorkload implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("ime.Win32AppInventory");

    /**
     * After a failed run the next try comes after this long, not at once: the cadence still says
     * "due", and a dead gateway must not be hammered. An hour is the agent's check-in rhythm.
     */
    public static final Duration RETRY_AFTER_FAILURE = Duration.ofHours(1);

    private enum State { NEW, RUNNING, STOPPED }

    private final InventoryCollector collector;
    private final InventoryBaseline baseline;
    private final Scheduler scheduler;
    private final Executor worker;
    private final Runnable closeWorker;

    private State state = State.NEW;
    private Cancellable timer;
    private Instant nextRun;
    private InventoryCollector.Outcome last;

    /**
     * @param worker where runs happen; a single thread in the daemon, the calling thread in tests
     */
    public InventoryWorkload(InventoryCollector collector, InventoryBaseline baseline, Scheduler scheduler,
            Executor worker) {
        this(collector, baseline, scheduler, worker, () -> { });
    }

    private InventoryWorkload(InventoryCollector collector, InventoryBaseline baseline, Scheduler scheduler,
            Executor worker, Runnable closeWorker) {
        this.collector = collector;
        this.baseline = baseline;
        this.scheduler = scheduler;
        this.worker = worker;
        this.closeWorker = closeWorker;
    }

    /**
     * The daemon's inventory: {@code source} (WMI on Windows, the Uninstall keys elsewhere, see
     * {@link InstalledProgramsSource}), the baseline under the IME root of {@code layout},
     * {@code uploader} to the gateway, its own worker thread {@code ime-inventory}.
     */
    public static InventoryWorkload forDaemon(InstalledPrograms source, Registry registry, ImeLayout layout,
            InventoryUploader uploader, Scheduler scheduler) {
        RegistryInventoryBaseline baseline = new RegistryInventoryBaseline(new InventoryStore(registry, layout));
        InventoryCollector collector = new InventoryCollector(source, baseline, uploader, scheduler.clock());
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ime-inventory");
            t.setDaemon(true);
            return t;
        });
        return new InventoryWorkload(collector, baseline, scheduler, worker, () -> {
            worker.shutdown();
            try {
                if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
                    worker.shutdownNow();
                }
            } catch (InterruptedException e) {
                worker.shutdownNow();
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Service start: runs now (at least a delta), then keeps the timer. Call once. */
    public void start() {
        synchronized (this) {
            if (state != State.NEW) {
                throw new IllegalStateException("The inventory workload was already started");
            }
            state = State.RUNNING;
        }
        submit(true, false);
    }

    /**
     * Runs one now ({@code imelab inventory --run}), after any run in progress; the timer is
     * re-armed from the new state afterwards.
     *
     * @param full a full inventory regardless of the cadence; otherwise a delta (or a full one if due)
     */
    public CompletableFuture<InventoryCollector.Outcome> runNow(boolean full) {
        synchronized (this) {
            if (state != State.RUNNING) {
                return CompletableFuture.failedFuture(new IllegalStateException("The inventory workload is not running"));
            }
        }
        LOG.info("[Win32AppInventory] An inventory run was requested{}.", full ? " (full)" : "");
        return submit(true, full);
    }

    /** When the timer fires next; empty before start, while a run is in progress, and after stop. */
    public synchronized Optional<Instant> nextRun() {
        return Optional.ofNullable(nextRun);
    }

    /** The last run of this daemon, if any. */
    public synchronized Optional<InventoryCollector.Outcome> lastRun() {
        return Optional.ofNullable(last);
    }

    /** Cancels the timer; a run in progress finishes (its upload is not cut) but does not re-arm. */
    public void stop() {
        synchronized (this) {
            if (state == State.STOPPED) {
                return;
            }
            state = State.STOPPED;
            cancelTimer();
        }
        closeWorker.run();
    }

    @Override
    public void close() {
        stop();
    }

    private CompletableFuture<InventoryCollector.Outcome> submit(boolean atServiceStart, boolean full) {
        CompletableFuture<InventoryCollector.Outcome> done = new CompletableFuture<>();
        try {
            worker.execute(() -> runAndArm(atServiceStart, full, done));
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(new IllegalStateException("The inventory workload is stopping", e));
        }
        return done;
    }

    private void runAndArm(boolean atServiceStart, boolean full, CompletableFuture<InventoryCollector.Outcome> done) {
        synchronized (this) {
            if (state != State.RUNNING) {
                done.completeExceptionally(new IllegalStateException("The inventory workload is stopping"));
                return;
            }
            cancelTimer();
        }
        InventoryCollector.Outcome outcome = null;
        Instant next;
        try {
            outcome = collector.run(atServiceStart, full);
            Instant now = scheduler.now();
            next = outcome.kind() != InventoryCadence.Kind.NONE && !outcome.uploaded()
                    ? now.plus(RETRY_AFTER_FAILURE)
                    : InventoryCadence.nextDue(baseline.cadence(), now);
        } catch (RuntimeException e) {
            // the source or the registry failed; the baseline is untouched (nothing was committed)
            LOG.error("[Win32AppInventory] The inventory run failed: {}", e.toString());
            next = scheduler.now().plus(RETRY_AFTER_FAILURE);
            done.completeExceptionally(e);
        }
        synchronized (this) {
            if (outcome != null) {
                last = outcome;
            }
            if (state == State.RUNNING) {
                arm(next);
            }
        }
        if (outcome != null) {
            done.complete(outcome);
        }
    }

    private void arm(Instant due) {
        cancelTimer();
        nextRun = due;
        LOG.info("[Win32AppInventory] Next inventory run at {}.", due);
        timer = scheduler.scheduleAt("Win32AppInventory", due, () -> submit(false, false));
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        nextRun = null;
    }
}
