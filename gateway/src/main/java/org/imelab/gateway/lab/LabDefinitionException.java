package org.imelab.gateway.lab;

/**
 * A lab file that cannot be used, with where and why ({@code apps[2].graph.returnCodes[0].type:
 * "sometimes" is not one of ...}). The gateway keeps serving the last good definition.
 */
public final class LabDefinitionException extends Exception {
    private final String at;

    public LabDefinitionException(String at, String message) {
        super(at == null || at.isEmpty() ? message : at + ": " + message);
        this.at = at;
    }

    public LabDefinitionException(String at, String message, Throwable cause) {
        super(at == null || at.isEmpty() ? message : at + ": " + message, cause);
        this.at = at;
    }

    /** The JSON path of the offending part, empty for the whole file. */
    public String at() {
        return at == null ? "" : at;
    }
}
