package org.imelab.agent.win32app.exec.windows;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.imelab.agent.win32app.exec.LaunchedProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A process started in a user's session, inside its own job object: the job ends the whole tree,
 * since processes started by the installer join the job. Owns both handles until closed.
 */
final class JobProcess implements LaunchedProcess {
    private static final Logger LOG = LoggerFactory.getLogger(JobProcess.class);
    /** Waits are cut into slices so an interrupt is noticed (WaitForSingleObject cannot be interrupted). */
    private static final long SLICE_MS = 250;
    /** The exit code a killed installer reports, as when Java's destroyForcibly ends a process. */
    private static final int KILLED_EXIT_CODE = 1;

    private final SessionApi.Kernel32 kernel;
    private final WinNT.HANDLE process;
    private final WinNT.HANDLE job;
    private final long pid;
    private boolean killed;
    private boolean closed;

    JobProcess(SessionApi.Kernel32 kernel, WinNT.HANDLE process, WinNT.HANDLE job, long pid) {
        this.kernel = kernel;
        this.process = process;
        this.job = job;
        this.pid = pid;
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public boolean waitFor(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            int rc = kernel.WaitForSingleObject(process, (int) Math.max(0, Math.min(leftMs, SLICE_MS)));
            if (rc == SessionApi.WAIT_OBJECT_0) {
                return true;
            }
            if (rc != SessionApi.WAIT_TIMEOUT) {
                throw new IllegalStateException("WaitForSingleObject(installer " + pid + ") failed with error "
                        + Native.getLastError());
            }
            if (leftMs <= 0) {
                return false;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    @Override
    public void killTree() {
        killed = true;
        if (kernel.TerminateJobObject(job, KILLED_EXIT_CODE)) {
            return;
        }
        int err = Native.getLastError();
        LOG.warn("TerminateJobObject for installer {} failed with error {}; ending the installer alone", pid, err);
        if (!kernel.TerminateProcess(process, KILLED_EXIT_CODE)) {
            LOG.warn("TerminateProcess({}) failed with error {}", pid, Native.getLastError());
        }
    }

    @Override
    public int exitCode() {
        if (kernel.WaitForSingleObject(process, SessionApi.INFINITE) != SessionApi.WAIT_OBJECT_0) {
            throw new IllegalStateException("WaitForSingleObject(installer " + pid + ") failed with error "
                    + Native.getLastError());
        }
        IntByReference code = new IntByReference();
        if (!kernel.GetExitCodeProcess(process, code)) {
            throw new IllegalStateException("GetExitCodeProcess(installer " + pid + ") failed with error "
                    + Native.getLastError());
        }
        return code.getValue();
    }

    /**
     * Closing the job would end what the installer left running on purpose (a tray app); after a
     * normal exit kill-on-close is lifted first, as the System path leaves such processes alone.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!killed) {
                JobLimits none = JobLimits.withFlags(0);
                if (!kernel.SetInformationJobObject(job, SessionApi.JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS, none,
                        none.size())) {
                    LOG.warn("Lifting kill-on-close for installer {} failed with error {}", pid, Native.getLastError());
                }
            }
        } finally {
            close(process, "process");
            close(job, "job");
        }
    }

    private void close(WinNT.HANDLE h, String what) {
        if (!kernel.CloseHandle(h)) {
            LOG.warn("CloseHandle({} of installer {}) failed with error {}", what, pid, Native.getLastError());
        }
    }
}
