package org.imelab.install.plan;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where an install goes on Linux, for the system or for one user, below a root prefix. User
 * paths follow the XDG base directories of the given environment (HOME, XDG_CONFIG_HOME,
 * XDG_DATA_HOME), so a test can point them at a temporary HOME.
 */
public record LinuxLayout(Path root, Scope scope, Map<String, String> env) {

    public LinuxLayout {
        root = root.toAbsolutePath().normalize();
        env = Map.copyOf(env);
    }

    /** {@code path} (absolute) moved below the root prefix. */
    public Path under(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("Not an absolute path: " + path);
        }
        return root.resolve(path.substring(1)).normalize();
    }

    public Path home() {
        String home = env.get("HOME");
        if (home == null || home.isBlank()) {
            throw new IllegalStateException("HOME is not set: needed for a --user install");
        }
        return under(home);
    }

    private Path xdg(String variable, String fallbackBelowHome) {
        String v = env.get(variable);
        return v != null && v.startsWith("/") ? under(v) : home().resolve(fallbackBelowHome);
    }

    /** $XDG_CONFIG_HOME, or ~/.config. */
    public Path configHome() {
        return xdg("XDG_CONFIG_HOME", ".config");
    }

    /** $XDG_DATA_HOME, or ~/.local/share. */
    public Path dataHome() {
        return xdg("XDG_DATA_HOME", ".local/share");
    }

    public Path unitDir() {
        return scope == Scope.SYSTEM ? under("/etc/systemd/system") : configHome().resolve("systemd/user");
    }

    public Path applicationsDir() {
        return scope == Scope.SYSTEM ? under("/usr/local/share/applications") : dataHome().resolve("applications");
    }

    /** The list that names the default handler: system-wide under /etc/xdg, else the user's. */
    public Path mimeappsList() {
        return scope == Scope.SYSTEM ? under("/etc/xdg/mimeapps.list") : configHome().resolve("mimeapps.list");
    }

    public Path defaultProgramDir() {
        return scope == Scope.SYSTEM ? under("/opt/imelab") : dataHome().resolve("imelab");
    }

    public Path defaultDataHome() {
        return scope == Scope.SYSTEM ? under("/var/lib/imelab") : home().resolve(".imelab");
    }
}
