package org.imelab.agent.inventory;

import static org.imelab.agent.inventory.InventoryCadence.Kind.DELTA;
import static org.imelab.agent.inventory.InventoryCadence.Kind.FULL;
import static org.imelab.agent.inventory.InventoryCadence.Kind.NONE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InventoryCadenceTest {
    static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    static InventoryCadence.State state(boolean sw, Instant full, Instant delta) {
        return new InventoryCadence.State(sw, Optional.ofNullable(full), Optional.ofNullable(delta));
    }

    @Test
    void firstTimeIsFull() {
        assertEquals(FULL, InventoryCadence.due(state(false, null, null), T0, true));
        assertEquals(FULL, InventoryCadence.due(state(false, null, null), T0, false));
    }

    @Test
    void deletingFirstTimeSwitchForcesFull() {
        assertEquals(FULL, InventoryCadence.due(state(false, T0, T0), T0.plusSeconds(60), false));
    }

    @Test
    void serviceStartGivesADelta() {
        assertEquals(DELTA, InventoryCadence.due(state(true, T0, null), T0.plusSeconds(60), true));
    }

    @Test
    void deltaEvery24Hours() {
        InventoryCadence.State s = state(true, T0, T0.plus(Duration.ofHours(30)));
        assertEquals(NONE, InventoryCadence.due(s, T0.plus(Duration.ofHours(53)), false));
        assertEquals(DELTA, InventoryCadence.due(s, T0.plus(Duration.ofHours(54)), false));
        assertEquals(T0.plus(Duration.ofHours(54)), InventoryCadence.nextDue(s, T0.plus(Duration.ofHours(31))));
    }

    @Test
    void fullEvery7Days() {
        InventoryCadence.State s = state(true, T0, T0.plus(Duration.ofDays(6)));
        assertEquals(NONE, InventoryCadence.due(s, T0.plus(Duration.ofDays(7)).minusSeconds(1), false));
        assertEquals(FULL, InventoryCadence.due(s, T0.plus(Duration.ofDays(7)), false));
        assertEquals(FULL, InventoryCadence.due(s, T0.plus(Duration.ofDays(7)), true));
        assertEquals(T0.plus(Duration.ofDays(7)), InventoryCadence.nextDue(s, T0.plus(Duration.ofDays(6)).plusSeconds(1)));
    }

    @Test
    void stampsInTheFutureDoNotPostponeTheInventory() {
        // the clock was set back a month: the stamps cannot be trusted, so a full one runs now
        Instant later = T0.plus(Duration.ofDays(30));
        assertEquals(FULL, InventoryCadence.due(state(true, later, later), T0, false));
        assertEquals(T0, InventoryCadence.nextDue(state(true, later, later), T0));
        // only the delta stamp is ahead: the delta cadence counts from the full one
        InventoryCadence.State s = state(true, T0, later);
        assertEquals(DELTA, InventoryCadence.due(s, T0.plus(Duration.ofHours(24)), false));
        assertEquals(T0.plus(Duration.ofHours(24)), InventoryCadence.nextDue(s, T0.plus(Duration.ofHours(1))));
    }
}
