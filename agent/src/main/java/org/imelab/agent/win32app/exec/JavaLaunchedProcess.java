package org.imelab.agent.win32app.exec;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A process Java started; its tree is ended by {@link ProcessTree}. */
public final class JavaLaunchedProcess implements LaunchedProcess {
    private final Process process;

    public JavaLaunchedProcess(Process process) {
        this.process = process;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void killTree() {
        ProcessTree.kill(process.toHandle());
    }

    @Override
    public int exitCode() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return process.waitFor();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        // nothing held: the JDK reaps the process
    }
}
