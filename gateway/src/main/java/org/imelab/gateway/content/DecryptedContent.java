package org.imelab.gateway.content;

import java.nio.file.Path;

/**
 * A plaintext zip whose MAC and digest were both checked.
 *
 * @param zip  where it was written
 * @param size its byte size
 */
public record DecryptedContent(Path zip, long size) {
}
