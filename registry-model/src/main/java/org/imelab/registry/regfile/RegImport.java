package org.imelab.registry.regfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.imelab.registry.RegOp;
import org.imelab.registry.Registry;
import org.imelab.registry.RegistryView;

/**
 * Imports a .reg file into any {@link Registry}: the whole file is read and checked first, then
 * applied as one batch, so a malformed file changes nothing.
 */
public final class RegImport {
    private RegImport() {
    }

    /** Imports into the 64-bit view; returns the changes applied. */
    public static List<RegOp> importFile(Registry registry, Path file) throws IOException {
        return importFile(registry, file, RegistryView.VIEW_64);
    }

    /**
     * @throws RegFileException naming the line when the file is malformed (nothing applied)
     */
    public static List<RegOp> importFile(Registry registry, Path file, RegistryView view) throws IOException {
        List<RegOp> ops = RegFileReader.read(file, view);
        registry.apply(ops);
        return ops;
    }

    /** Imports the bytes of a file; {@code source} names it in error messages. */
    public static List<RegOp> importBytes(Registry registry, byte[] bytes, String source, RegistryView view) {
        List<RegOp> ops = RegFileReader.read(bytes, source, view);
        registry.apply(ops);
        return ops;
    }
}
