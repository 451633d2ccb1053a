package org.imelab.agent.win32app.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.imelab.agent.win32app.lifecycle.AppFacts.GrsStatus;

/**
 * The Global Re-evaluation Schedule: after a failed enforcement an app is left alone until its
 * GRS value is 24 hours old. An app with no recorded value is treated as expired.
 */
public final class GrsRule {
    public static final Duration GRS_INTERVAL = Duration.ofHours(24);

    private GrsRule() {
    }

    public static GrsStatus status(Optional<Instant> enteredGrs, Instant now) {
        if (enteredGrs.isEmpty()) {
            return GrsStatus.NO_VALUE;
        }
        return now.isBefore(enteredGrs.get().plus(GRS_INTERVAL)) ? GrsStatus.NOT_EXPIRED : GrsStatus.EXPIRED;
    }

    /** When a GRS entered at {@code entered} expires. */
    public static Instant expiry(Instant entered) {
        return entered.plus(GRS_INTERVAL);
    }
}
