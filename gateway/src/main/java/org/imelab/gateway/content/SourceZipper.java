package org.imelab.gateway.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Zips a source folder the way IntuneWinAppUtil does before encrypting it: paths relative to the
 * folder with {@code /}, deflated, files in a stable (sorted) order, an entry for each empty
 * folder. One path can be left out (the output folder, when it lies inside the source).
 */
final class SourceZipper {
    private SourceZipper() {
    }

    /** Writes the zip and returns its size. */
    static long zip(Path sourceDir, Path zipFile, Path exclude) throws IOException {
        Path root = sourceDir.toRealPath();
        Path skip = exclude == null ? null : exclude.toAbsolutePath().normalize();
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = new ArrayList<>(walk.filter(p -> !p.equals(root))
                    .filter(p -> skip == null || !p.startsWith(skip))
                    .filter(p -> !p.equals(zipFile.toAbsolutePath().normalize()))
                    .sorted()
                    .toList());
        }
        try (OutputStream os = Files.newOutputStream(zipFile);
             ZipOutputStream zip = new ZipOutputStream(os)) {
            for (Path p : paths) {
                String name = root.relativize(p).toString().replace('\\', '/');
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                if (a.isDirectory()) {
                    if (isEmpty(p)) {
                        ZipEntry e = new ZipEntry(name + "/");
                        e.setLastModifiedTime(a.lastModifiedTime());
                        zip.putNextEntry(e);
                        zip.closeEntry();
                    }
                    continue;
                }
                if (!a.isRegularFile()) {
                    continue; // sockets, devices: nothing an installer could use
                }
                ZipEntry e = new ZipEntry(name);
                e.setLastModifiedTime(a.lastModifiedTime());
                zip.putNextEntry(e);
                try (InputStream in = Files.newInputStream(p)) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        return Files.size(zipFile);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
