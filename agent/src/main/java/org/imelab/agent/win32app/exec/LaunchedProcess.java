package org.imelab.agent.win32app.exec;

import java.time.Duration;

/**
 * A started installer as the runner needs it, whoever started it: wait with a timeout, kill it
 * with everything it started, read its exit code. Closing releases what the handle holds (OS
 * handles on Windows) without ending a process that has finished on its own.
 */
public interface LaunchedProcess extends AutoCloseable {

    long pid();

    /** True when the process ended within {@code timeout}. */
    boolean waitFor(Duration timeout) throws InterruptedException;

    /** Ends the process and its descendants. */
    void killTree();

    /** The exit code, waiting (uninterruptibly) for the process to end if it has not yet. */
    int exitCode();

    @Override
    void close();
}
