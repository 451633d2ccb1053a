package org.imelab.install.service;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a service's ServiceMain does, free of any Windows call so it is tested everywhere: report
 * START_PENDING, start the daemon while a heartbeat moves the checkpoint, report RUNNING, wait for
 * a stop or shutdown control, report STOP_PENDING, stop the daemon (heartbeat again), report
 * STOPPED. The control handler side is {@link #onControl}: it must return at once, so the stop
 * itself runs on the ServiceMain thread.
 */
public final class ScmServiceMain {
    private static final Logger LOG = LoggerFactory.getLogger(ScmServiceMain.class);

    /** How long the SCM is told to wait between two reports while starting or stopping. */
    public static final Duration WAIT_HINT = Duration.ofSeconds(10);
    /** How often the checkpoint moves while starting or stopping: well within the wait hint. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(2);

    /** SERVICE_CONTROL_* codes this host answers. */
    public static final int CONTROL_STOP = 1;
    public static final int CONTROL_INTERROGATE = 4;
    public static final int CONTROL_SHUTDOWN = 5;
    public static final int CONTROL_PRESHUTDOWN = 15;
    /** NO_ERROR and ERROR_CALL_NOT_IMPLEMENTED, the handler's answers. */
    public static final int NO_ERROR = 0;
    public static final int ERROR_CALL_NOT_IMPLEMENTED = 120;

    private final ScmStatusMachine status;
    private final Ticker ticker;
    private final CountDownLatch stopRequested = new CountDownLatch(1);

    public ScmServiceMain(ScmStatusMachine status, Ticker ticker) {
        this.status = status;
        this.ticker = ticker;
    }

    /** Runs the service to its end; returns the exit code reported with STOPPED. */
    public int run(HostedService service) {
        status.startPending(WAIT_HINT);
        Ticker.Beat starting = ticker.every(HEARTBEAT, status::progress);
        try {
            service.start();
        } catch (Exception e) {
            LOG.error("The daemon did not start", e);
            starting.stop();
            status.stopped(1);
            return 1;
        }
        starting.stop();
        status.running();
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (status.state() == ServiceState.RUNNING) {
            status.stopPending(WAIT_HINT); // the handler has usually reported it already
        }
        int code = 0;
        Ticker.Beat stopping = ticker.every(HEARTBEAT, status::progress);
        try {
            service.stop();
        } catch (Exception e) {
            LOG.error("The daemon did not stop cleanly", e);
            code = 1;
        } finally {
            stopping.stop();
        }
        status.stopped(code);
        return code;
    }

    /** HandlerEx: answers one control from the SCM; returns NO_ERROR or ERROR_CALL_NOT_IMPLEMENTED. */
    public int onControl(int control) {
        return switch (control) {
            case CONTROL_STOP, CONTROL_SHUTDOWN, CONTROL_PRESHUTDOWN -> {
                if (status.state() == ServiceState.RUNNING) {
                    status.stopPending(WAIT_HINT);
                }
                stopRequested.countDown();
                yield NO_ERROR;
            }
            case CONTROL_INTERROGATE -> {
                status.interrogate();
                yield NO_ERROR;
            }
            default -> ERROR_CALL_NOT_IMPLEMENTED;
        };
    }
}
