package org.imelab.gateway.content;

/** The HMAC-SHA256 over IV and ciphertext does not match: the download was altered or truncated. */
public final class HmacMismatchException extends ContentException {
    public HmacMismatchException(String message) {
        super(Reason.HMAC_MISMATCH, message, null);
    }
}
