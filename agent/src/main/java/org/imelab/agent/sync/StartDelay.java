package org.imelab.agent.sync;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The randomized wait before the first check-in after service start, in whole seconds from 0 to
 * {@code max}; {@link #none()} in tests.
 */
public record StartDelay(Duration max, RandomGenerator random) {

    public StartDelay {
        if (max.isNegative()) {
            throw new IllegalArgumentException("Start delay cannot be negative: " + max);
        }
    }

    public static StartDelay none() {
        return new StartDelay(Duration.ZERO, RandomGenerator.getDefault());
    }

    public Duration next() {
        long seconds = max.toSeconds();
        return seconds == 0 ? Duration.ZERO : Duration.ofSeconds(random.nextLong(seconds + 1));
    }
}
