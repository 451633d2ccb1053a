package org.imelab.gateway.protocol;

/** A payload (compressed or JSON) that cannot be read; the message says why, for the log. */
public final class PayloadFormatException extends RuntimeException {
    public PayloadFormatException(String message) {
        super(message);
    }

    public PayloadFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
