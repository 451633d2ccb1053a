package org.imelab.agent.sync;

import java.time.Duration;
import java.time.Instant;

/** A finished check-in: the request it served, what the handler said, and when it ended. */
public record CheckinResult(CheckinRequest request, CheckinOutcome outcome, Instant finished) {

    public Duration elapsed() {
        return Duration.between(request.started(), finished);
    }
}
