package org.imelab.install.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.imelab.install.service.Ticker;

/** A {@link Ticker} the test drives: {@link #tick()} runs every running heartbeat once. */
public final class ManualTicker implements Ticker {
    private final List<Runnable> active = new ArrayList<>();
    private final List<Duration> periods = new ArrayList<>();

    @Override
    public synchronized Beat every(Duration period, Runnable action) {
        active.add(action);
        periods.add(period);
        return () -> {
            synchronized (this) {
                active.remove(action);
            }
        };
    }

    public void tick() {
        List<Runnable> now;
        synchronized (this) {
            now = List.copyOf(active);
        }
        now.forEach(Runnable::run);
    }

    public synchronized int activeCount() {
        return active.size();
    }

    public synchronized List<Duration> periods() {
        return List.copyOf(periods);
    }
}
