package org.imelab.agent;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where imelab keeps what it writes off Windows: the file registry, logs, IMECache and the
 * certificate store, all under one folder so several lab devices can live side by side.
 * Chosen by {@code --home}, else {@code IMELAB_HOME}, else {@code ~/.imelab}.
 */
public record DataHome(Path root) {

    public static DataHome resolve(Path option, Map<String, String> env, String userHome) {
        if (option != null) {
            return new DataHome(option.toAbsolutePath().normalize());
        }
        String fromEnv = env.get("IMELAB_HOME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new DataHome(Path.of(fromEnv).toAbsolutePath().normalize());
        }
        return new DataHome(Path.of(userHome, ".imelab").toAbsolutePath().normalize());
    }

    /** The portable registry's folder. */
    public Path registryDir() {
        return root.resolve("registry");
    }

    /** The IME log folder (C:\ProgramData\Microsoft\IntuneManagementExtension\Logs on Windows). */
    public Path logsDir() {
        return root.resolve("Logs");
    }

    /** Staged content (C:\Windows\IMECache on Windows). */
    public Path imeCacheDir() {
        return root.resolve("IMECache");
    }

    /**
     * The daemon's local IPC socket ({@code imelab moniker}, {@code sync}, {@code status} talk to
     * it), in a folder of its own so that folder's permissions guard it.
     */
    public Path ipcSocket() {
        return root.resolve("run").resolve("imelab.sock");
    }

    /** The portable certificate store. */
    public Path certStoreDir() {
        return root.resolve("certstore");
    }
}
