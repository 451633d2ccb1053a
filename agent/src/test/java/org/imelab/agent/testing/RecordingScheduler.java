package org.imelab.agent.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.imelab.agent.time.Cancellable;
import org.imelab.agent.time.ManualScheduler;
import org.imelab.agent.time.Scheduler;

/**
 * A {@link ManualScheduler} that also tells the test what was scheduled, so a test can wait
 * (with a timeout, no sleeping) until another thread has armed a timer before it moves time.
 */
public final class RecordingScheduler implements Scheduler {

    /** One call to {@link #schedule}. */
    public record Scheduled(String name, Duration delay) {
    }

    private final ManualScheduler manual;
    private final BlockingQueue<Scheduled> scheduled = new LinkedBlockingQueue<>();

    public RecordingScheduler(Instant start) {
        this.manual = new ManualScheduler(start);
    }

    @Override
    public Cancellable schedule(String name, Duration delay, Runnable task) {
        Cancellable c = manual.schedule(name, delay, task);
        scheduled.add(new Scheduled(name, delay));
        return c;
    }

    @Override
    public InstantSource clock() {
        return manual.clock();
    }

    public ManualScheduler manual() {
        return manual;
    }

    /** The next thing scheduled, waiting up to 30 s for it. */
    public Scheduled next() throws InterruptedException {
        Scheduled s = scheduled.poll(30, TimeUnit.SECONDS);
        if (s == null) {
            throw new AssertionError("nothing was scheduled within 30 s; pending: " + manual.pending());
        }
        return s;
    }

    @Override
    public void close() {
        manual.close();
    }
}
