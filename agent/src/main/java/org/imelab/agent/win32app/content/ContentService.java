package org.imelab.agent.win32app.content;

import java.io.IOException;
import java.nio.file.Path;
import org.imelab.gateway.protocol.win32.Win32AppPolicy;
import org.imelab.registry.ime.Scope;

/**
 * The service side of content phase 1: {@code GetContentInfo} (where the package is, and its keys
 * encrypted to the device certificate) and the CDN download. The SideCar implementation talks to
 * the gateway; nothing else is assumed about it.
 */
public interface ContentService {

    /**
     * @throws ContentUnavailableException when the service does not answer, refuses, or its
     *                                     answer cannot be opened with the device key
     */
    ContentLocation contentInfo(Win32AppPolicy policy, Scope scope) throws ContentUnavailableException;

    /** Streams the encrypted package to {@code target} (replaced if present). */
    void download(ContentLocation location, Path target) throws IOException;

    /**
     * The same, reporting the bytes received as they arrive ({@code progress} gets the count so
     * far and the total, -1 when unknown). Services that cannot tell report once, at the end.
     */
    default void download(ContentLocation location, Path target, java.util.function.LongConsumer received,
            java.util.function.LongConsumer total) throws IOException {
        download(location, target);
        long size = java.nio.file.Files.size(target);
        total.accept(size);
        received.accept(size);
    }
}
