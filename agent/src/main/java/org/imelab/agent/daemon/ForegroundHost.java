package org.imelab.agent.daemon;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the agent in this process until SIGTERM, Ctrl-C or {@link #requestStop()}. Both paths
 * end in one shutdown: {@link EmsAgent#stop()} (which logs {@code EMS Agent Stopped}), then the
 * resources given to the constructor are closed, in order. On a signal the shutdown runs in the
 * JVM's shutdown hook, so the process does not exit before it is done.
 */
public final class ForegroundHost implements ServiceHost {
    private static final Logger log = LoggerFactory.getLogger(ForegroundHost.class);

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final List<AutoCloseable> afterStop;
    private boolean shutDown;

    /** @param afterStop closed after the agent stopped (the scheduler, the registry, ...) */
    public ForegroundHost(AutoCloseable... afterStop) {
        this.afterStop = List.of(afterStop);
    }

    @Override
    public int run(EmsAgent agent) throws IOException {
        try {
            agent.start();
        } catch (IOException | RuntimeException e) {
            shutDown(agent);
            throw e;
        }
        Thread hook = new Thread(() -> {
            stopRequested.countDown();
            shutDown(agent);
        }, "imelab-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // a signal: the hook runs the shutdown; waiting for it below is harmless
        }
        shutDown(agent);
        return 0;
    }

    /** Stops the agent from inside the process (tests, a service control handler). */
    public void requestStop() {
        stopRequested.countDown();
    }

    /** Exactly once, whichever thread comes first; the other waits until it is done. */
    private synchronized void shutDown(EmsAgent agent) {
        if (shutDown) {
            return;
        }
        shutDown = true;
        agent.stop();
        for (AutoCloseable c : afterStop) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("Closing {} after the agent stopped failed: {}", c, e.toString());
            }
        }
    }
}
