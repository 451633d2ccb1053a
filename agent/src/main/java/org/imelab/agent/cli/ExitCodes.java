package org.imelab.agent.cli;

/** Exit codes of the commands that talk to the daemon (3 = not running, as LSB status uses it). */
public final class ExitCodes {
    public static final int OK = 0;
    /** Something failed (the daemon did not answer, the registry could not be read). */
    public static final int FAILURE = 1;
    /** Refused input: a moniker URL or verb that is not accepted. Nothing ran. */
    public static final int REFUSED = 2;
    /** No daemon runs on this data home. */
    public static final int NOT_RUNNING = 3;
    /** The service is not installed (LSB status: 4, "unknown"). */
    public static final int NOT_INSTALLED = 4;

    private ExitCodes() {
    }
}
