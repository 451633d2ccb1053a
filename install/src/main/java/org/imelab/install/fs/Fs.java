package org.imelab.install.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** File helpers the file steps share. */
public final class Fs {
    private Fs() {
    }

    /**
     * Creates the missing folders above and including {@code dir}; returns the ones it created,
     * outermost first, so an undo can remove exactly those.
     */
    public static List<String> createDirectories(Path dir) {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir.toAbsolutePath().normalize(); p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.add(0, p);
        }
        List<String> created = new ArrayList<>();
        try {
            for (Path p : missing) {
                Files.createDirectory(p);
                created.add(p.toString());
            }
        } catch (IOException e) {
            removeEmptyDirectories(created);
            throw new UncheckedIOException("Cannot create folder " + e.getMessage(), e);
        }
        return created;
    }

    /** Removes the given folders, innermost first, each only when it is empty. */
    public static void removeEmptyDirectories(List<String> outermostFirst) {
        for (int i = outermostFirst.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(Path.of(outermostFirst.get(i)));
            } catch (DirectoryNotEmptyException e) {
                // someone else keeps files there: it stays, as do its parents
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot remove folder " + outermostFirst.get(i), e);
            }
        }
    }

    /** The file's bytes, or null when it does not exist. */
    public static byte[] readOrNull(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes through a temporary sibling and a rename, so readers never see half a file. */
    public static void writeAtomically(Path file, byte[] content) {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".imelab-tmp");
        try {
            Files.write(tmp, content);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original failure is the one to report
            }
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file + ": " + e.getMessage(), e);
        }
    }
}
