package org.imelab.install;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
import org.imelab.install.process.CommandRunner;
import org.imelab.install.service.ServiceManager;
import org.imelab.registry.Registry;

/**
 * What steps and undo records work with: child processes, the registry, the service manager,
 * the clock, and a sink for progress lines. Parts a platform does not have are absent and fail
 * clearly when asked for.
 */
public final class StepContext {
    private final CommandRunner commands;
    private final Registry registry;
    private final ServiceManager services;
    private final Clock clock;
    private final Consumer<String> progress;

    private StepContext(Builder b) {
        this.commands = b.commands;
        this.registry = b.registry;
        this.services = b.services;
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.progress = Objects.requireNonNull(b.progress, "progress");
    }

    public static Builder builder() {
        return new Builder();
    }

    public CommandRunner commands() {
        if (commands == null) {
            throw new IllegalStateException("This install has no command runner");
        }
        return commands;
    }

    public Registry registry() {
        if (registry == null) {
            throw new IllegalStateException("This install has no registry");
        }
        return registry;
    }

    public ServiceManager services() {
        if (services == null) {
            throw new IllegalStateException("This install has no service manager");
        }
        return services;
    }

    public Clock clock() {
        return clock;
    }

    /** Reports one line of progress to the user. */
    public void report(String line) {
        progress.accept(line);
    }

    public static final class Builder {
        private CommandRunner commands;
        private Registry registry;
        private ServiceManager services;
        private Clock clock = Clock.systemUTC();
        private Consumer<String> progress = line -> { };

        public Builder commands(CommandRunner commands) {
            this.commands = commands;
            return this;
        }

        public Builder registry(Registry registry) {
            this.registry = registry;
            return this;
        }

        public Builder services(ServiceManager services) {
            this.services = services;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder progress(Consumer<String> progress) {
            this.progress = progress;
            return this;
        }

        public StepContext build() {
            return new StepContext(this);
        }
    }
}
