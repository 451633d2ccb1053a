package org.imelab.agent.win32app.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The ReevaluationScheduleManager's rule: a subgraph whose apps are all settled (installed, not
 * applicable, or waiting in the GRS) is evaluated again only when {@code ReevaluationInterval}
 * minutes (480 by default) have passed since its last evaluation. Subgraphs with work pending
 * are evaluated at every check-in.
 */
public final class ReevaluationSchedule {
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(480);

    private ReevaluationSchedule() {
    }

    /** The interval from the policy's ReevaluationInterval (minutes); null or non-positive gives the default. */
    public static Duration interval(Integer reevaluationIntervalMinutes) {
        return reevaluationIntervalMinutes == null || reevaluationIntervalMinutes <= 0
                ? DEFAULT_INTERVAL : Duration.ofMinutes(reevaluationIntervalMinutes);
    }

    public static boolean isDue(Optional<Instant> lastEvaluation, Duration interval, Instant now) {
        return lastEvaluation.isEmpty() || !now.isBefore(lastEvaluation.get().plus(interval));
    }

    public static Instant nextDue(Instant lastEvaluation, Duration interval) {
        return lastEvaluation.plus(interval);
    }
}
