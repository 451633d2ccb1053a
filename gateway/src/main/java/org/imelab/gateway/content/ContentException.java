package org.imelab.gateway.content;

/**
 * Content that must not be used: a package whose MAC, digest, zip layout or metadata is wrong. The
 * subtypes tell the engine which error code to report; nothing derived from such content is left
 * behind when one is thrown.
 */
public abstract sealed class ContentException extends Exception
        permits HmacMismatchException, DigestMismatchException, PathEscapeException, IntuneWinFormatException {

    /** What went wrong, for mapping to the agent's error codes without instanceof chains. */
    public enum Reason { HMAC_MISMATCH, DIGEST_MISMATCH, PATH_ESCAPE, BAD_FORMAT }

    private final Reason reason;

    protected ContentException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
