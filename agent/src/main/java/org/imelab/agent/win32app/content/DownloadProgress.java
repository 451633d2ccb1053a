package org.imelab.agent.win32app.content;

/**
 * Told how a content download advances: the StatusService progress line in the log, and the
 * console of {@code imelab run} for long downloads. Called on the downloading thread.
 */
@FunctionalInterface
public interface DownloadProgress {
    DownloadProgress NONE = (appId, name, bytes, total) -> { };

    /** @param total the expected size, or -1 when the CDN did not say */
    void advanced(String appId, String name, long bytes, long total);
}
