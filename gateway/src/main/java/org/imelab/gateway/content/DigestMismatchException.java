package org.imelab.gateway.content;

/** The SHA-256 of the decrypted zip differs from the package's FileDigest. */
public final class DigestMismatchException extends ContentException {
    public DigestMismatchException(String message) {
        super(Reason.DIGEST_MISMATCH, message, null);
    }
}
