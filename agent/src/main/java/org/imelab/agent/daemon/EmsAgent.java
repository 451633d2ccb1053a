package org.imelab.agent.daemon;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.imelab.agent.inventory.InventoryWorkload;
import org.imelab.agent.ipc.IpcServer;
import org.imelab.agent.sync.CheckinHandler;
import org.imelab.agent.sync.CheckinObserver;
import org.imelab.agent.sync.CheckinResult;
import org.imelab.agent.sync.CheckinSchedule;
import org.imelab.agent.sync.CheckinTrigger;
import org.imelab.agent.sync.CheckinTriggers;
import org.imelab.agent.sync.StartDelay;
import org.imelab.agent.sync.SyncCoordinator;
import org.imelab.agent.time.Scheduler;
import org.imelab.registry.Registry;
import org.imelab.registry.ime.CheckinStateKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon: check-in schedule, trigger coalescing and the local IPC door around one
 * {@link CheckinHandler}, which does the actual work of a check-in. The real agent calls itself
 * the EMS Agent in its log ({@code EMS Agent Started} / {@code EMS Agent Stopped}).
 *
 * <p>Lifecycle: {@code NEW -> RUNNING -> STOPPED}; {@link #start()} and {@link #stop()} are the
 * only methods a {@link ServiceHost} calls.
 */
public final class EmsAgent {
    private static final Logger ime = LoggerFactory.getLogger("ime.IntuneManagementExtension");

    private enum State { NEW, RUNNING, STOPPED }

    private final AgentConfig config;
    private final Registry registry;
    private final Scheduler scheduler;
    private final CheckinHandler handler;
    private final RandomGenerator random;
    private final List<CheckinObserver> observers = new ArrayList<>();

    private State state = State.NEW;
    private Instant startedAt;
    private ExecutorService worker;
    private SyncCoordinator coordinator;
    private CheckinSchedule schedule;
    private IpcServer ipc;
    private InventoryWorkload inventory;

    /**
     * @param scheduler the agent's timers; the caller owns it and closes it after {@link #stop()}
     * @param handler the work of one check-in (gateway session, Win32 apps, reports)
     */
    public EmsAgent(AgentConfig config, Registry registry, Scheduler scheduler, CheckinHandler handler,
            RandomGenerator random) {
        this.config = config;
        this.registry = registry;
        this.scheduler = scheduler;
        this.handler = handler;
        this.random = random;
    }

    /** Adds someone to tell about each check-in (the console, tests); only before {@link #start()}. */
    public synchronized EmsAgent addObserver(CheckinObserver observer) {
        if (state != State.NEW) {
            throw new IllegalStateException("Observers are added before the agent starts");
        }
        observers.add(observer);
        return this;
    }

    /**
     * Adds the inventory (issue 5): started with the agent (its service-start run), stopped with
     * it, and run on demand by {@code imelab inventory --run}; only before {@link #start()}.
     */
    public synchronized EmsAgent withInventory(InventoryWorkload workload) {
        if (state != State.NEW) {
            throw new IllegalStateException("The inventory is added before the agent starts");
        }
        inventory = workload;
        return this;
    }

    /** The inventory workload, when the agent has one. */
    public synchronized Optional<InventoryWorkload> inventory() {
        return Optional.ofNullable(inventory);
    }

    /**
     * Binds the IPC socket, then arms the service-start check-in and the timer.
     *
     * @throws IpcServer.AlreadyRunningException when another daemon owns this data home
     */
    public synchronized void start() throws IOException {
        if (state != State.NEW) {
            throw new IllegalStateException("The agent was already started");
        }
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ime-checkin");
            t.setDaemon(true);
            return t;
        });
        coordinator = new SyncCoordinator(handler, worker, scheduler.clock());
        schedule = new CheckinSchedule(scheduler, registry, config.layout(), coordinator,
                new StartDelay(config.startDelayMax(), random));
        coordinator.addObserver(schedule); // first: what it records is what observers and waiters read
        observers.forEach(coordinator::addObserver);
        try {
            ipc = IpcServer.start(config.ipcSocket(), new AgentRequests(this), scheduler);
        } catch (IOException | RuntimeException e) {
            worker.shutdownNow();
            state = State.STOPPED;
            throw e;
        }
        startedAt = scheduler.now();
        state = State.RUNNING;
        ime.info("EMS Agent Started");
        schedule.start();
        if (inventory != null) {
            inventory.start();
        }
    }

    /**
     * Stops taking triggers, lets a check-in in progress finish within the grace period (then
     * interrupts it), and removes the socket. Safe to call twice and from a shutdown hook.
     */
    public void stop() {
        synchronized (this) {
            if (state != State.RUNNING) {
                state = State.STOPPED;
                return;
            }
            state = State.STOPPED;
        }
        try {
            ipc.close();
        } catch (IOException e) {
            ime.warn("Could not remove the IPC socket {}: {}", config.ipcSocket(), e.getMessage());
        }
        schedule.stop();
        if (inventory != null) {
            inventory.stop();
        }
        coordinator.close();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                ime.warn("[Win32App] The check-in in progress did not finish within {} s; interrupting it",
                        config.shutdownGrace().toSeconds());
                worker.shutdownNow();
                worker.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
        ime.info("EMS Agent Stopped");
    }

    public synchronized boolean isRunning() {
        return state == State.RUNNING;
    }

    /**
     * Where triggers enter: the gateway's push channel calls
     * {@code triggers().request(CheckinTrigger.GATEWAY_PUSH)}.
     */
    public CheckinTriggers triggers() {
        return trigger -> {
            SyncCoordinator c;
            synchronized (this) {
                c = coordinator;
            }
            if (c == null) {
                return CompletableFuture.failedFuture(new IllegalStateException("The agent has not started"));
            }
            return c.request(trigger);
        };
    }

    /** Whether a check-in runs right now. */
    public boolean checkinInProgress() {
        SyncCoordinator c;
        synchronized (this) {
            c = coordinator;
        }
        return c != null && c.current().isPresent();
    }

    /** The last check-in this run of the agent finished. */
    public Optional<CheckinResult> lastCheckin() {
        SyncCoordinator c;
        synchronized (this) {
            c = coordinator;
        }
        return c == null ? Optional.empty() : c.last();
    }

    /** When the timer fires next. */
    public Optional<Instant> nextCheckin() {
        CheckinSchedule s;
        synchronized (this) {
            s = schedule;
        }
        return s == null ? Optional.empty() : s.nextCheckin();
    }

    /** The live status lines of {@code imelab status}. */
    public Map<String, String> status() {
        SyncCoordinator c;
        CheckinSchedule s;
        Instant since;
        synchronized (this) {
            c = coordinator;
            s = schedule;
            since = startedAt;
        }
        String agentLine = "running (pid " + ProcessHandle.current().pid() + ", since "
                + AgentStatus.format(since, config.zone()) + ")";
        return AgentStatus.live(agentLine, new CheckinStateKey(registry, config.layout()).read(),
                c.current(), s.nextCheckin(), s.interval(), config.zone());
    }

    AgentConfig config() {
        return config;
    }
}
