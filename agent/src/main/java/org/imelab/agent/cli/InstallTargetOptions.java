package org.imelab.agent.cli;

import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Which install a command means: the service name, system or user, and a root prefix for tests. */
public final class InstallTargetOptions {

    @Option(names = "--service-name", paramLabel = "NAME",
            description = "Service name (default: IntuneManagementExtension on Windows, imelab on Linux).")
    String serviceName;

    @ArgGroup(exclusive = true)
    ScopeChoice scope = new ScopeChoice();

    @Option(names = "--root", paramLabel = "DIR",
            description = "Linux: write everything below DIR instead of / (for tests and images); systemd is not told.")
    Path root;

    static final class ScopeChoice {
        @Option(names = "--user", description = "Linux: install for the current user (systemd --user, ~/.config, ~/.local/share).")
        boolean user;

        @Option(names = "--system", description = "Install for the whole machine (the default).")
        boolean system;
    }
}
