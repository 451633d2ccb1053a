package org.imelab.install.plan;

import java.nio.file.Path;
import java.util.Objects;
import org.imelab.install.launch.Distribution;

/**
 * Everything an install plan is made from, resolved by the command line.
 *
 * @param root        a filesystem root prefix ("/" for a real install; a temporary folder in tests)
 * @param dataHome    the daemon's data home (absolute, already under {@code root} when prefixed)
 * @param programDir  where the jar and its libraries are copied
 * @param registryRoot the IME registry root the daemon uses, or null for the default
 * @param javaHome    the Java runtime the service runs on
 * @param moniker     register the intunemanagementextension:// handler
 * @param takeOverRealIme replace the real IME's service name, moniker and registry root
 */
public record InstallOptions(String serviceName, Scope scope, Path root, Path dataHome, Path programDir,
                             String registryRoot, Path javaHome, Distribution distribution,
                             boolean moniker, boolean takeOverRealIme) {

    public InstallOptions {
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(scope, "scope");
        root = root.toAbsolutePath().normalize();
        dataHome = dataHome.toAbsolutePath().normalize();
        programDir = programDir.toAbsolutePath().normalize();
        javaHome = javaHome.toAbsolutePath().normalize();
        Objects.requireNonNull(distribution, "distribution");
        ServiceNames.check(serviceName);
    }

    public boolean prefixed() {
        return !root.equals(root.getRoot());
    }

    public boolean user() {
        return scope == Scope.USER;
    }
}
