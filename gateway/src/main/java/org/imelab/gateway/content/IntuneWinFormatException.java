package org.imelab.gateway.content;

/** The package or its Detection.xml is not in the .intunewin format, or uses a variant we do not support. */
public final class IntuneWinFormatException extends ContentException {
    public IntuneWinFormatException(String message) {
        super(Reason.BAD_FORMAT, message, null);
    }

    public IntuneWinFormatException(String message, Throwable cause) {
        super(Reason.BAD_FORMAT, message, cause);
    }
}
