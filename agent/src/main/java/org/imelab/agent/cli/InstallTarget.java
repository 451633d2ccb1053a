package org.imelab.agent.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.imelab.install.plan.LinuxLayout;
import org.imelab.install.plan.Manifests;
import org.imelab.install.plan.Scope;
import org.imelab.install.plan.ServiceNames;
import org.imelab.install.FileManifestStore;

/**
 * An install's coordinates, resolved from the options and the environment the same way by
 * install, uninstall, service status and health, so they all find the same manifest.
 *
 * @param layout the Linux layout, null on Windows
 */
record InstallTarget(boolean windows, String serviceName, Scope scope, Path root, Path dataHome, LinuxLayout layout,
                     Map<String, String> env) {

    static InstallTarget resolve(InstallTargetOptions o, Optional<Path> explicitHome, Map<String, String> env, boolean windows) {
        Scope scope = o.scope.user ? Scope.USER : Scope.SYSTEM;
        if (windows) {
            if (scope == Scope.USER) {
                throw new IllegalArgumentException("--user is for Linux: a Windows service belongs to the machine");
            }
            if (o.root != null) {
                throw new IllegalArgumentException("--root is for Linux: the Windows service manager and registry have no root prefix");
            }
            String name = o.serviceName == null ? ServiceNames.REAL_IME : o.serviceName;
            ServiceNames.check(name);
            Path data = explicitHome.orElseGet(() -> Path.of(env.getOrDefault("ProgramData", "C:\\ProgramData"), "imelab"));
            return new InstallTarget(true, name, scope, Path.of("C:\\"), data, null, env);
        }
        Path root = o.root == null ? Path.of("/") : o.root.toAbsolutePath().normalize();
        LinuxLayout layout = new LinuxLayout(root, scope, env);
        String name = o.serviceName == null ? ServiceNames.LINUX_DEFAULT : o.serviceName;
        ServiceNames.check(name);
        return new InstallTarget(false, name, scope, root, explicitHome.orElseGet(layout::defaultDataHome), layout, env);
    }

    boolean prefixed() {
        return !windows && !root.equals(root.getRoot());
    }

    FileManifestStore manifest() {
        return Manifests.store(dataHome, serviceName);
    }

    /** How to repeat this target on another command line, e.g. for the uninstall hint. */
    String options(Optional<Path> explicitHome) {
        StringBuilder sb = new StringBuilder();
        explicitHome.ifPresent(h -> sb.append(" --home ").append(quote(h.toString())));
        if (!serviceName.equals(windows ? ServiceNames.REAL_IME : ServiceNames.LINUX_DEFAULT)) {
            sb.append(" --service-name ").append(serviceName);
        }
        if (scope == Scope.USER) {
            sb.append(" --user");
        }
        if (prefixed()) {
            sb.append(" --root ").append(quote(root.toString()));
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return s.contains(" ") ? "\"" + s + "\"" : s;
    }
}
