package org.imelab.install.process;

/** A child process that ended with a non-zero exit code. */
public class CommandFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient CommandResult result;

    public CommandFailedException(CommandResult result) {
        super(String.join(" ", result.argv()) + " exited with code " + result.exitCode() + ": " + result.output());
        this.result = result;
    }

    public CommandResult result() {
        return result;
    }
}
