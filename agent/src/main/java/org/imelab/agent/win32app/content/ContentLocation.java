package org.imelab.agent.win32app.content;

import java.net.URI;
import java.util.Objects;
import org.imelab.gateway.content.EncryptionInfo;

/**
 * A {@code GetContentInfo} answer, opened: where the encrypted {@code .intunewin.bin} is and the
 * keys from {@code DecryptInfo}. Never logged whole (the keys are secrets).
 *
 * @param size the encrypted size the service announced, or null
 */
public record ContentLocation(URI uploadLocation, EncryptionInfo keys, Long size) {
    public ContentLocation {
        Objects.requireNonNull(uploadLocation, "uploadLocation");
        Objects.requireNonNull(keys, "keys");
    }

    @Override
    public String toString() {
        return "ContentLocation[" + uploadLocation + "]";
    }
}
