package org.imelab.install.service;

import java.time.Duration;

/** Runs an action repeatedly until cancelled: the heartbeat of a pending start or stop. */
public interface Ticker {

    /** Runs {@code action} every {@code period} until the returned handle is closed. */
    AutoCloseable every(Duration period, Runnable action);
}
