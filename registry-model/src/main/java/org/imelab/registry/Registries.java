package org.imelab.registry;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.imelab.registry.file.FileRegistry;
import org.imelab.registry.memory.MemoryRegistry;
import org.imelab.registry.windows.JnaRegistry;

/**
 * Opens a registry backend by name, so the daemon and the CLI agree on where state lives:
 * {@code windows} (the real registry, the default on Windows), {@code file} (the portable registry
 * in a folder, the default elsewhere), {@code memory} (lives and dies with the process).
 */
public final class Registries {
    public static final String WINDOWS = "windows";
    public static final String FILE = "file";
    public static final String MEMORY = "memory";
    public static final List<String> NAMES = List.of(WINDOWS, FILE, MEMORY);

    private Registries() {
    }

    /** True on Windows; checked from a system property so no native code is touched elsewhere. */
    public static boolean onWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /** {@code windows} on Windows, {@code file} elsewhere. */
    public static String defaultBackend() {
        return onWindows() ? WINDOWS : FILE;
    }

    /**
     * Opens a backend.
     *
     * @param backend   one of {@link #NAMES}, any case; null for {@link #defaultBackend()}
     * @param fileStore the folder of the file registry (used by {@code file} only)
     * @throws IllegalArgumentException for an unknown name
     * @throws RegistryException        when the backend cannot open (Windows asked for elsewhere, a
     *                                  locked or unreadable store)
     */
    public static Registry open(String backend, Path fileStore) {
        String name = backend == null ? defaultBackend() : backend.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case WINDOWS -> {
                if (!onWindows()) {
                    throw new RegistryException("The 'windows' registry backend needs Windows; this is "
                            + System.getProperty("os.name") + " (use 'file')");
                }
                yield new JnaRegistry(); // only ever loaded here, on Windows
            }
            case FILE -> new FileRegistry(fileStore);
            case MEMORY -> new MemoryRegistry();
            default -> throw new IllegalArgumentException("Unknown registry backend '" + backend
                    + "' (expected one of " + String.join(", ", NAMES) + ")");
        };
    }
}
