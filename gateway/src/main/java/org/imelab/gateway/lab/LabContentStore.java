package org.imelab.gateway.lab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.imelab.gateway.protocol.content.ContentKeys;

/** Turns a lab app's content into what the CDN would serve: the encrypted file and its keys. */
interface LabContentStore {

    /**
     * The app's content, packed and encrypted (once; again when the source changes).
     *
     * @param contentId names this revision of the content in its URL
     * @param encryptedFile the encrypted inner file ({@code IntunePackage.intunewin}), what the CDN serves
     */
    record Prepared(String appKey, String contentId, Path encryptedFile, long size, ContentKeys keys) {
    }

    Prepared prepare(LabApp app) throws IOException, LabDefinitionException;

    /** A prepared file by its URL parts, for the download route. */
    Optional<Prepared> find(String appKey, String contentId);
}
