package org.imelab.agent.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import org.imelab.install.service.ServiceHosts;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Which install a command means: the service name, system or user, and a root prefix for tests.
 * Mixed into install, uninstall, service status and health, with what they share around it:
 * resolving the target and refusing with {@code imelab <command>: why}.
 */
public final class InstallTargetOptions {

    /** The command these options are mixed into: its name and streams. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--service-name", paramLabel = "NAME",
            description = "Service name (default: IntuneManagementExtension on Windows, imelab on Linux).")
    String serviceName;

    @ArgGroup(exclusive = true)
    ScopeChoice scope = new ScopeChoice();

    @Option(names = "--root", paramLabel = "DIR",
            description = "Linux: write everything below DIR instead of / (for tests and images); systemd is not told.")
    Path root;

    /**
     * The install these options mean for {@code root}'s data home; empty after {@link #refuse}
     * printed why not (bad options), and the command then exits {@link ExitCodes#REFUSED}.
     */
    Optional<InstallTarget> resolve(ImelabCommand root, Map<String, String> env, boolean windows) {
        try {
            return Optional.of(InstallTarget.resolve(this, root.explicitHome(env), env, windows));
        } catch (IllegalArgumentException e) {
            refuse(e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Runs {@code command} on the install these options mean on this machine (its environment and
     * operating system); {@link ExitCodes#REFUSED} without running it after {@link #refuse} said why not.
     */
    int run(ImelabCommand root, ToIntFunction<InstallTarget> command) {
        return resolve(root, System.getenv(), ServiceHosts.isWindows()).map(command::applyAsInt).orElse(ExitCodes.REFUSED);
    }

    /** Prints {@code imelab <command>: why} to the command's error stream. */
    void complain(String why) {
        err().println(command.qualifiedName() + ": " + why);
    }

    /** {@link #complain}s and returns {@link ExitCodes#REFUSED}. */
    int refuse(String why) {
        complain(why);
        return ExitCodes.REFUSED;
    }

    PrintWriter out() {
        return command.commandLine().getOut();
    }

    PrintWriter err() {
        return command.commandLine().getErr();
    }

    static final class ScopeChoice {
        @Option(names = "--user", description = "Linux: install for the current user (systemd --user, ~/.config, ~/.local/share).")
        boolean user;

        @Option(names = "--system", description = "Install for the whole machine (the default).")
        boolean system;
    }
}
