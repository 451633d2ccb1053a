package org.imelab.install.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A folder tree as comparable data: every entry's type, content hash and permissions. */
public final class FileTrees {
    private FileTrees() {
    }

    public static SortedMap<String, String> snapshot(Path root) {
        SortedMap<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.forEach(p -> out.put(root.relativize(p).toString(), describe(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String describe(Path p) {
        try {
            String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
            if (Files.isSymbolicLink(p)) {
                return "link " + Files.readSymbolicLink(p);
            }
            if (Files.isDirectory(p)) {
                return "dir " + perms;
            }
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
            return "file " + perms + " " + HexFormat.of().formatHex(digest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
