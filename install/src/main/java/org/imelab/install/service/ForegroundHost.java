package org.imelab.install.service;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the daemon in the foreground until SIGTERM/SIGINT (what systemd and Ctrl+C send) or
 * {@link #requestStop()}: the JVM's shutdown hook stops the daemon and waits for it.
 */
public final class ForegroundHost implements ServiceHost {
    private static final Logger LOG = LoggerFactory.getLogger(ForegroundHost.class);

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final boolean installShutdownHook;

    public ForegroundHost() {
        this(true);
    }

    /** @param installShutdownHook false in tests, which stop through {@link #requestStop()} */
    public ForegroundHost(boolean installShutdownHook) {
        this.installShutdownHook = installShutdownHook;
    }

    @Override
    public int run(HostedService service) {
        try {
            service.start();
        } catch (Exception e) {
            LOG.error("The daemon did not start", e);
            return 1;
        }
        Thread hook = new Thread(() -> {
            stopRequested.countDown();
            awaitQuietly(stopped);
        }, "imelab-shutdown");
        if (installShutdownHook) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
        int code = 0;
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            service.stop();
        } catch (Exception e) {
            LOG.error("The daemon did not stop cleanly", e);
            code = 1;
        } finally {
            stopped.countDown();
        }
        return code;
    }

    /** Asks a running {@link #run} to stop the daemon and return. */
    public void requestStop() {
        stopRequested.countDown();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
