package org.imelab.agent.win32app.content;

/** {@code GetContentInfo} failed: no answer, a refusal, or keys this device cannot open. */
public final class ContentUnavailableException extends Exception {
    public ContentUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
