package org.imelab.agent.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.imelab.agent.time.Cadences;
import org.imelab.agent.time.PeriodicJob;
import org.imelab.agent.time.Scheduler;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;
import org.imelab.registry.RegistryException;
import org.imelab.registry.ime.CheckinStateKey;
import org.imelab.registry.ime.CheckinStateKey.CheckinState;
import org.imelab.registry.ime.ImeLayout;
import org.imelab.registry.ime.ImeSettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the agent checks in by itself: once at service start after a randomized delay, then on a
 * timer every interval ({@link CheckinInterval}). The timer's due time is kept in the registry
 * ({@link CheckinStateKey}), so a restart resumes it: a restart half-way through the hour still
 * checks in at start (the IME does) and again when the hour is up, not an hour after the restart.
 *
 * <p>On-demand check-ins (moniker, {@code imelab sync}, push) do not move the timer. A changed
 * interval (from the gateway or {@code Settings\Interval}) moves it: the next due time becomes
 * the last timer tick plus the new interval.
 */
public final class CheckinSchedule implements CheckinObserver {
    private static final Logger ime = LoggerFactory.getLogger("ime.IntuneManagementExtension");
    private static final Logger log = LoggerFactory.getLogger(CheckinSchedule.class);

    /** How soon the timer tries again when one of its runs failed unexpectedly. */
    static final Duration AFTER_TIMER_FAILURE = Duration.ofMinutes(5);

    private final Scheduler scheduler;
    private final Registry registry;
    private final ImeLayout layout;
    private final ImeSettingsStore settings;
    private final CheckinStateKey state;
    private final CheckinTriggers triggers;
    private final StartDelay startDelay;
    private final PeriodicJob timer;

    private CheckinInterval interval;
    private Instant nextDue;

    public CheckinSchedule(Scheduler scheduler, Registry registry, ImeLayout layout, CheckinTriggers triggers,
            StartDelay startDelay) {
        this.scheduler = scheduler;
        this.registry = registry;
        this.layout = layout;
        this.settings = new ImeSettingsStore(registry, layout);
        this.state = new CheckinStateKey(registry, layout);
        this.triggers = triggers;
        this.startDelay = startDelay;
        this.timer = new PeriodicJob("check-in timer", scheduler, AFTER_TIMER_FAILURE, this::onTimer);
    }

    /** Arms the service-start check-in and the timer. */
    public void start() {
        Instant now = scheduler.now();
        CheckinState stored = state.read();
        Duration delay = startDelay.next();
        Instant firstCheckin = now.plus(delay);
        synchronized (this) {
            interval = resolveInterval(stored);
            logInterval();
            Instant due = firstCheckin.plus(interval.length());
            Optional<Instant> resumed = stored.nextCheckin()
                    .filter(t -> t.isAfter(firstCheckin) && !t.isAfter(firstCheckin.plus(interval.length())));
            if (resumed.isPresent()) {
                due = resumed.get();
                log.info("Resuming the check-in timer from the registry: next check-in at {}", due);
            }
            nextDue = due;
            persistNextDue();
            timer.rescheduleAt(due);
        }
        ime.info("Delaying all checkins by {} s", delay.toSeconds());
        scheduler.schedule("service start check-in", delay, () -> triggers.request(CheckinTrigger.SERVICE_START));
    }

    /** Stops the timer; a check-in in progress is the coordinator's business. */
    public void stop() {
        timer.stop();
    }

    /** When the timer fires next. */
    public synchronized Optional<Instant> nextCheckin() {
        return Optional.ofNullable(nextDue);
    }

    /** The interval in force. */
    public synchronized Optional<CheckinInterval> interval() {
        return Optional.ofNullable(interval);
    }

    private Duration onTimer() {
        Instant now = scheduler.now();
        synchronized (this) {
            replanInterval(state.read());
            nextDue = now.plus(interval.length());
            persistNextDue();
        }
        // the check-in itself may move nextDue (a new interval from the gateway), so read it after
        triggers.request(CheckinTrigger.TIMER);
        synchronized (this) {
            Duration wait = Duration.between(scheduler.now(), nextDue);
            return wait.isNegative() ? Duration.ZERO : wait;
        }
    }

    @Override
    public void checkinFinished(CheckinResult result) {
        CheckinOutcome outcome = result.outcome();
        try {
            CheckinState before = state.read();
            state.recordCheckin(result.request().started(), result.request().reason(), outcome.resultText());
            // write what changed only: an unchanged check-in costs one registry batch
            boolean connectionKnown = outcome.gatewayUrl().isPresent() || outcome.certificateThumbprint().isPresent();
            if (connectionKnown && !(outcome.gatewayUrl().equals(before.gatewayUrl())
                    && outcome.certificateThumbprint().equals(before.certificateThumbprint()))) {
                state.recordConnection(outcome.gatewayUrl(), outcome.certificateThumbprint());
            }
            if (outcome.gatewayInterval().isPresent()) {
                Duration asked = outcome.gatewayInterval().get();
                if (!CheckinInterval.inRange(asked)) {
                    ime.warn("[Policy] Ignoring CheckinIntervalMinutes {} from the gateway: outside {}..{} minutes",
                            asked.toMinutes(), Cadences.MINIMUM_CHECK_IN.toMinutes(), Cadences.MAXIMUM_CHECK_IN.toMinutes());
                } else if (!before.gatewayInterval().equals(Optional.of(asked))) {
                    state.recordGatewayInterval(Optional.of(asked));
                }
            }
        } catch (RegistryException e) {
            ime.error("[Policy] Could not record the check-in in the registry: {}", e.getMessage(), e);
        }
        synchronized (this) {
            if (interval != null && replanInterval(state.read())) {
                timer.rescheduleAt(nextDue);
            }
        }
    }

    /** Re-reads the interval; when it changed, moves nextDue by the difference. Under the lock. */
    private boolean replanInterval(CheckinState stored) {
        CheckinInterval fresh = resolveInterval(stored);
        if (fresh.length().equals(interval.length())) {
            interval = fresh;
            return false;
        }
        Instant lastTick = nextDue.minus(interval.length());
        interval = fresh;
        logInterval();
        Instant now = scheduler.now();
        Instant moved = lastTick.plus(interval.length());
        nextDue = moved.isBefore(now) ? now : moved;
        persistNextDue();
        return true;
    }

    private CheckinInterval resolveInterval(CheckinState stored) {
        Optional<Duration> override = settings.checkinInterval();
        if (override.isEmpty()) {
            Optional<RegValue> raw = registry.get(layout.settings(), ImeLayout.INTERVAL);
            raw.ifPresent(v -> ime.warn("[Policy] Ignoring Settings\\Interval '{}' ({}): not a positive number of seconds",
                    v.display(), v.type()));
        }
        CheckinInterval resolved = CheckinInterval.resolve(override, stored.gatewayInterval());
        resolved.ignored().ifPresent(why -> ime.warn("[Policy] Ignoring {}", why));
        return resolved;
    }

    private void logInterval() {
        ime.info("[Policy] check in interval from cache is : {} seconds", interval.length().toSeconds());
    }

    private void persistNextDue() {
        try {
            state.recordNextCheckin(nextDue);
        } catch (RegistryException e) {
            ime.error("[Policy] Could not record the next check-in time in the registry: {}", e.getMessage(), e);
        }
    }
}
