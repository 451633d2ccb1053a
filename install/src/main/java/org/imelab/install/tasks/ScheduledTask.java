package org.imelab.install.tasks;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A Task Scheduler task as imelab registers it: run as SYSTEM, one program with arguments, some
 * triggers. {@code path} is the task's full name, e.g. {@code \Intune Management Extension
 * Client Cert Checker}.
 */
public record ScheduledTask(String path, String description, String command, String arguments,
                            List<Trigger> triggers, Duration executionTimeLimit) {

    public ScheduledTask {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("\\")) {
            throw new IllegalArgumentException("A task path starts with a backslash: " + path);
        }
        triggers = List.copyOf(triggers);
    }

    /** When a task runs. */
    public sealed interface Trigger {
    }

    /** At system start-up, after {@code delay}. */
    public record AtStartup(Duration delay) implements Trigger {
    }

    /** Every day from {@code start} on, at its time of day. */
    public record Daily(LocalDateTime start) implements Trigger {
    }

    /** From {@code start} on, every {@code interval}, indefinitely. */
    public record Repeating(LocalDateTime start, Duration interval) implements Trigger {
    }
}
