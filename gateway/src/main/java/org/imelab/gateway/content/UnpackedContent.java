package org.imelab.gateway.content;

import java.nio.file.Path;
import java.util.List;

/**
 * What content phase 3 wrote.
 *
 * @param directory the folder unpacked into
 * @param files     the files written, relative to {@code directory}, in zip order
 * @param bytes     their total size
 */
public record UnpackedContent(Path directory, List<Path> files, long bytes) {
    public UnpackedContent {
        files = List.copyOf(files);
    }
}
