package org.imelab.registry.regfile;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;
import org.imelab.registry.RegistryException;

/**
 * Exports a key and everything below it from any {@link Registry} as regedit does ("Export" /
 * {@code reg export}): the key, its values in enumeration order, then its subkeys depth first.
 * Paths are written as the given path's view sees them.
 */
public final class RegExport {
    private RegExport() {
    }

    /**
     * Writes the file whole or not at all (a temporary file renamed over the target).
     *
     * @throws RegistryException with ERROR_FILE_NOT_FOUND when the key does not exist
     */
    public static void export(Registry registry, RegPath key, Path file) throws IOException {
        requireKey(registry, key);
        Path abs = file.toAbsolutePath();
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        try (FileOutputStream fos = new FileOutputStream(tmp.toFile())) {
            RegFileWriter w = RegFileWriter.utf16(fos);
            write(registry, key, w);
            w.finish();
            fos.getFD().sync();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes a whole UTF-16LE file to {@code out}, which stays open. */
    public static void export(Registry registry, RegPath key, OutputStream out) throws IOException {
        requireKey(registry, key);
        RegFileWriter w = RegFileWriter.utf16(out);
        write(registry, key, w);
        w.finish();
    }

    /** Appends the sections of {@code key} and its subtree to an open writer. */
    public static void write(Registry registry, RegPath key, RegFileWriter writer) throws IOException {
        writer.key(key);
        for (Map.Entry<String, RegValue> e : registry.values(key).entrySet()) {
            writer.value(e.getKey(), e.getValue());
        }
        for (String sub : registry.subKeys(key)) {
            write(registry, key.child(sub), writer);
        }
    }

    private static void requireKey(Registry registry, RegPath key) {
        if (!registry.exists(key)) {
            throw new RegistryException("The registry key does not exist: " + key,
                    RegistryException.ERROR_FILE_NOT_FOUND, null);
        }
    }
}
