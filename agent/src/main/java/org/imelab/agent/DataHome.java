package org.imelab.agent;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where imelab keeps what it writes: the file registry, logs, IMECache and the certificate store.
 * Off Windows (and on Windows with {@code --home}) all of it lives under one folder, so several lab
 * devices can live side by side: {@code --home}, else {@code IMELAB_HOME}, else {@code ~/.imelab}.
 * On Windows without either, the logs and IMECache are the real agent's folders
 * ({@code C:\ProgramData\Microsoft\IntuneManagementExtension\Logs}, {@code C:\Windows\IMECache})
 * and imelab's own files go to {@code C:\ProgramData\imelab}.
 *
 * @param root      imelab's own folder
 * @param logsDir   the IME log folder
 * @param imeCache  the staged-content folder
 */
public record DataHome(Path root, Path logsDir, Path imeCache) {

    /** A portable home: everything under {@code root}. */
    public DataHome(Path root) {
        this(root, root.resolve("Logs"), root.resolve("IMECache"));
    }

    public static DataHome resolve(Path option, Map<String, String> env, String userHome) {
        return resolve(option, env, userHome, System.getProperty("os.name", ""));
    }

    public static DataHome resolve(Path option, Map<String, String> env, String userHome, String osName) {
        if (option != null) {
            return new DataHome(option.toAbsolutePath().normalize());
        }
        String fromEnv = env.get("IMELAB_HOME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new DataHome(Path.of(fromEnv).toAbsolutePath().normalize());
        }
        if (osName.startsWith("Windows")) {
            Path programData = Path.of(env.getOrDefault("ProgramData", "C:\\ProgramData"));
            Path systemRoot = Path.of(env.getOrDefault("SystemRoot", "C:\\Windows"));
            return new DataHome(programData.resolve("imelab"),
                    programData.resolve("Microsoft").resolve("IntuneManagementExtension").resolve("Logs"),
                    systemRoot.resolve("IMECache"));
        }
        return new DataHome(Path.of(userHome, ".imelab").toAbsolutePath().normalize());
    }

    /** The portable registry's folder (used off Windows, or with {@code --registry file}). */
    public Path registryDir() {
        return root.resolve("registry");
    }

    /** Staged content: {@code IMECache\{appId}_{version}} folders. */
    public Path imeCacheDir() {
        return imeCache;
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
