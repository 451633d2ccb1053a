package org.imelab.agent.sync;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One check-in as the coordinator starts it: its number since the agent started, every trigger
 * it serves (a coalesced storm is many triggers, one check-in) and when it started.
 */
public record CheckinRequest(long number, Set<CheckinTrigger> triggers, Instant started) {

    public CheckinRequest {
        if (triggers.isEmpty()) {
            throw new IllegalArgumentException("A check-in needs at least one trigger");
        }
        triggers = Collections.unmodifiableSet(EnumSet.copyOf(triggers));
    }

    /** The triggers' ids joined with ", ", e.g. {@code ServiceStart, SyncApp}. */
    public String reason() {
        return triggers.stream().map(CheckinTrigger::id).collect(Collectors.joining(", "));
    }

    /** The triggers as a person reads them. */
    public String description() {
        return triggers.stream().map(CheckinTrigger::description).collect(Collectors.joining(", "));
    }
}
