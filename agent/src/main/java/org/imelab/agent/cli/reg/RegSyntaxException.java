package org.imelab.agent.cli.reg;

/** A command line reg.exe would refuse with "ERROR: Invalid syntax."; the message says why. */
final class RegSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    RegSyntaxException(String message) {
        super(message);
    }
}
