package org.imelab.logs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock that moves only when a test moves it. */
public final class ManualClock extends Clock {
    private final ZoneId zone;
    private volatile Instant now;

    public ManualClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new ManualClock(now, z);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
