package org.imelab.certpicker.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that moves only when a test moves it. */
public final class ManualClock implements InstantSource {
    private Instant now;

    public ManualClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    public synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    public synchronized void set(Instant t) {
        now = t;
    }
}
