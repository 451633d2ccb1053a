package org.imelab.agent.daemon;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the agent in this process until SIGTERM, Ctrl-C or {@link #requestStop()}; both paths
 * end in {@link EmsAgent#stop()}, which logs {@code EMS Agent Stopped}.
 */
public final class ForegroundHost implements ServiceHost {
    private final CountDownLatch stopRequested = new CountDownLatch(1);

    @Override
    public int run(EmsAgent agent) throws IOException {
        agent.start();
        Thread hook = new Thread(() -> {
            stopRequested.countDown();
            agent.stop(); // the JVM exits when hooks end, so the stop happens here, not in run()
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
            // the JVM is shutting down: the hook stops the agent
            return 0;
        }
        agent.stop();
        return 0;
    }

    /** Stops the agent from inside the process (tests, a future service control handler). */
    public void requestStop() {
        stopRequested.countDown();
    }
}
