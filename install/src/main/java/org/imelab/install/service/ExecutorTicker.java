package org.imelab.install.service;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A {@link Ticker} on a daemon thread. */
public final class ExecutorTicker implements Ticker {
    @Override
    public Beat every(Duration period, Runnable action) {
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "imelab-scm-heartbeat");
            t.setDaemon(true);
            return t;
        });
        ScheduledFuture<?> f = ex.scheduleAtFixedRate(action, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return () -> {
            f.cancel(false);
            ex.shutdownNow();
        };
    }
}
