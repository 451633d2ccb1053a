package org.imelab.agent.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to inventory and what kind: a delta at service start and every 24 hours, a full
 * inventory the first time (no {@code FirstTimeSwitch}) and every 7 days. Pure: the caller
 * passes what the registry says and the current time.
 */
public final class InventoryCadence {
    public static final Duration DELTA_INTERVAL = Duration.ofHours(24);
    public static final Duration FULL_INTERVAL = Duration.ofDays(7);

    /** What the cadence asks for now. */
    public enum Kind { NONE, DELTA, FULL }

    /** Persisted cadence state: {@code InventorySetting} values. */
    public record State(boolean firstTimeSwitch, Optional<Instant> lastFull, Optional<Instant> lastDelta) {
    }

    private InventoryCadence() {
    }

    /**
     * @param atServiceStart true for the run that belongs to service start (always at least a delta)
     */
    public static Kind due(State state, Instant now, boolean atServiceStart) {
        if (!state.firstTimeSwitch() || state.lastFull().isEmpty() || state.lastFull().get().isAfter(now)
                || !now.isBefore(state.lastFull().get().plus(FULL_INTERVAL))) {
            // a stamp in the future means the clock was set back: it cannot say when the last one was
            return Kind.FULL;
        }
        if (atServiceStart) {
            return Kind.DELTA;
        }
        Instant lastAny = latest(state.lastFull().get(), state.lastDelta(), now);
        return now.isBefore(lastAny.plus(DELTA_INTERVAL)) ? Kind.NONE : Kind.DELTA;
    }

    /** When the next run (of any kind) is due, for the scheduler and for {@code imelab status}. */
    public static Instant nextDue(State state, Instant now) {
        if (!state.firstTimeSwitch() || state.lastFull().isEmpty() || state.lastFull().get().isAfter(now)) {
            return now;
        }
        Instant nextFull = state.lastFull().get().plus(FULL_INTERVAL);
        Instant nextDelta = latest(state.lastFull().get(), state.lastDelta(), now).plus(DELTA_INTERVAL);
        Instant next = nextFull.isBefore(nextDelta) ? nextFull : nextDelta;
        return next.isBefore(now) ? now : next;
    }

    private static Instant latest(Instant full, Optional<Instant> delta, Instant now) {
        return delta.filter(d -> d.isAfter(full) && !d.isAfter(now)).orElse(full);
    }
}
