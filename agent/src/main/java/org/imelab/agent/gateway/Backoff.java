package org.imelab.agent.gateway;

import java.time.Duration;

/**
 * How long to wait before retrying after a transport error: exponential from {@code initial},
 * capped at {@code max}, spread by {@code jitter} (0.2 = up to 20 % either way) so that devices
 * cut off together do not come back together. A pure function: the caller supplies the random
 * number and schedules the wait (Kafka's {@code ExponentialBackoff} idea); nothing here sleeps.
 *
 * @param maxRetries retries after the first attempt; 0 = no retry
 */
public record Backoff(Duration initial, double multiplier, Duration max, double jitter, int maxRetries) {

    /** 2 s, 4 s, 8 s (± 20 %): a gateway that is briefly gone is caught within a check-in. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(2), 2.0, Duration.ofSeconds(60), 0.2, 3);

    public Backoff {
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("Backoff needs 0 <= initial <= max, not " + initial + ", " + max);
        }
        if (multiplier < 1.0 || jitter < 0.0 || jitter >= 1.0 || maxRetries < 0) {
            throw new IllegalArgumentException("Backoff needs multiplier >= 1, 0 <= jitter < 1, maxRetries >= 0");
        }
    }

    /** No retries at all. */
    public static Backoff none() {
        return new Backoff(Duration.ZERO, 1.0, Duration.ZERO, 0.0, 0);
    }

    /** Whether retry number {@code retry} (1-based) may happen. */
    public boolean allows(int retry) {
        return retry >= 1 && retry <= maxRetries;
    }

    /**
     * The wait before retry number {@code retry} (1-based).
     *
     * @param random a uniform number in [0, 1)
     */
    public Duration delay(int retry, double random) {
        if (retry < 1) {
            throw new IllegalArgumentException("Retries count from 1: " + retry);
        }
        double base = initial.toMillis() * Math.pow(multiplier, retry - 1);
        double capped = Math.min(base, max.toMillis());
        double spread = capped * (1.0 + jitter * (2.0 * random - 1.0));
        return Duration.ofMillis(Math.round(Math.min(spread, max.toMillis())));
    }
}
