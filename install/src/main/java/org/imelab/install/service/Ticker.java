package org.imelab.install.service;

import java.time.Duration;

/** Runs an action repeatedly until cancelled: the heartbeat of a pending start or stop. */
public interface Ticker {

    /** Runs {@code action} every {@code period} until {@link Beat#stop()}. */
    Beat every(Duration period, Runnable action);

    /** A running repetition. */
    interface Beat {
        void stop();
    }
}
