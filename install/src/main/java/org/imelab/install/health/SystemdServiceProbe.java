package org.imelab.install.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.imelab.install.process.CommandResult;
import org.imelab.install.process.CommandRunner;
import org.imelab.install.service.ServiceState;

/**
 * A systemd unit's state from {@code systemctl is-active}: "active" is running, "inactive" and
 * "failed" are stopped, anything else (no systemd, no such unit) is unknown.
 */
public final class SystemdServiceProbe implements ServiceProbe {
    private final CommandRunner commands;
    private final boolean user;
    private final String unit;

    public SystemdServiceProbe(CommandRunner commands, boolean user, String unit) {
        this.commands = commands;
        this.user = user;
        this.unit = unit;
    }

    @Override
    public String subject() {
        return "systemd unit " + unit;
    }

    @Override
    public ServiceState state() {
        if (!commands.isAvailable("systemctl")) {
            return ServiceState.UNKNOWN;
        }
        CommandResult r = commands.run(systemctl("is-active", unit), Map.of(), Duration.ofSeconds(30));
        return switch (r.stdout().strip()) {
            case "active", "reloading" -> ServiceState.RUNNING;
            case "activating" -> ServiceState.START_PENDING;
            case "deactivating" -> ServiceState.STOP_PENDING;
            case "inactive", "failed" -> loaded() ? ServiceState.STOPPED : ServiceState.NOT_INSTALLED;
            default -> ServiceState.UNKNOWN;
        };
    }

    private boolean loaded() {
        CommandResult r = commands.run(systemctl("show", "--property=LoadState", "--value", unit), Map.of(), Duration.ofSeconds(30));
        return r.exitCode() == 0 && r.stdout().strip().equals("loaded");
    }

    @Override
    public void restart() {
        commands.runChecked(systemctl("restart", unit));
    }

    private List<String> systemctl(String... args) {
        List<String> argv = new ArrayList<>();
        argv.add("systemctl");
        if (user) {
            argv.add("--user");
        }
        argv.addAll(List.of(args));
        return argv;
    }
}
