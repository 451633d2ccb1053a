package org.imelab.install.service;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The service states a process reports to the SCM, as an explicit state machine:
 * STOPPED -> START_PENDING -> RUNNING -> STOP_PENDING -> STOPPED (or START_PENDING -> STOPPED
 * when starting fails). Pending states carry a wait hint and a checkpoint that grows with each
 * {@link #progress()}; the SCM gives up on a service whose checkpoint does not move within the
 * wait hint. Controls are accepted only while RUNNING. Every change is sent to {@code sink}
 * (SetServiceStatus on Windows).
 */
public final class ScmStatusMachine {
    private final Consumer<ScmStatus> sink;
    private ServiceState state = ServiceState.STOPPED;
    private int checkPoint;
    private int waitHint;
    private boolean started;

    public ScmStatusMachine(Consumer<ScmStatus> sink) {
        this.sink = sink;
    }

    public synchronized ServiceState state() {
        return state;
    }

    public synchronized void startPending(Duration waitHint) {
        require(!started && state == ServiceState.STOPPED, "start");
        started = true;
        enterPending(ServiceState.START_PENDING, waitHint);
    }

    public synchronized void running() {
        require(state == ServiceState.START_PENDING, "report running");
        state = ServiceState.RUNNING;
        checkPoint = 0;
        waitHint = 0;
        report(0, 0);
    }

    public synchronized void stopPending(Duration waitHint) {
        require(state == ServiceState.RUNNING || state == ServiceState.START_PENDING, "stop");
        enterPending(ServiceState.STOP_PENDING, waitHint);
    }

    /** One more step of a pending start or stop: the checkpoint moves, the SCM waits on. */
    public synchronized void progress() {
        if (state == ServiceState.START_PENDING || state == ServiceState.STOP_PENDING) {
            checkPoint++;
            report(0, 0);
        }
    }

    /** Final report: 0 for a clean stop, else the daemon's own exit code (service-specific). */
    public synchronized void stopped(int serviceSpecificExitCode) {
        require(state != ServiceState.STOPPED || !started, "report stopped");
        state = ServiceState.STOPPED;
        checkPoint = 0;
        waitHint = 0;
        if (serviceSpecificExitCode == 0) {
            report(0, 0);
        } else {
            report(ScmStatus.ERROR_SERVICE_SPECIFIC_ERROR, serviceSpecificExitCode);
        }
    }

    /** Reports the current status again (SERVICE_CONTROL_INTERROGATE). */
    public synchronized void interrogate() {
        report(0, 0);
    }

    private void enterPending(ServiceState pending, Duration hint) {
        state = pending;
        checkPoint = 1;
        waitHint = (int) hint.toMillis();
        report(0, 0);
    }

    private void report(int win32Exit, int specificExit) {
        int accepted = state == ServiceState.RUNNING
                ? ScmStatus.ACCEPT_STOP | ScmStatus.ACCEPT_SHUTDOWN
                : 0;
        sink.accept(new ScmStatus(state, accepted, win32Exit, specificExit, checkPoint, waitHint));
    }

    private void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("Cannot " + what + " a service that is " + state);
        }
    }
}
