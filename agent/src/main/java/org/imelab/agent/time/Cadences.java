package org.imelab.agent.time;

import java.time.Duration;

/** The check-in cadences, in one place (ime-behaviour.md Part A and C §5). */
public final class Cadences {

    /** The IME checks in every 60 minutes ({@code check in interval from cache is : 3600 seconds}). */
    public static final Duration CHECK_IN = Duration.ofMinutes(60);

    /**
     * Upper bound of the randomized delay before the first check-in after service start; the real
     * agent logged delays of 36 s and 147 s. Randomized so that a fleet that restarts together
     * does not hit the gateway in the same second.
     */
    public static final Duration START_DELAY_MAX = Duration.ofSeconds(60);

    /**
     * The shortest interval accepted from {@code Settings\Interval} or the gateway: anything
     * shorter would turn a typo into a gateway flood.
     */
    public static final Duration MINIMUM_CHECK_IN = Duration.ofMinutes(1);

    /** The longest interval accepted; a device that does not check in for a day looks lost. */
    public static final Duration MAXIMUM_CHECK_IN = Duration.ofHours(24);

    private Cadences() {
    }
}
