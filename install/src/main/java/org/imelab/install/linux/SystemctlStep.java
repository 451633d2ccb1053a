package org.imelab.install.linux;

import java.util.ArrayList;
import java.util.List;
import org.imelab.install.InstallStep;
import org.imelab.install.StepContext;
import org.imelab.install.Undo;
import org.imelab.install.process.CommandFailedException;
import org.imelab.install.process.CommandResult;
import org.imelab.install.process.CommandUndo;

/**
 * {@code systemctl daemon-reload}, {@code enable} and {@code restart} for the installed units;
 * undo disables and stops them and reloads again. Only part of a real install: with a root
 * prefix there is no systemd to talk to.
 */
public final class SystemctlStep implements InstallStep {
    private final boolean user;
    private final List<String> units;

    public SystemctlStep(boolean user, List<String> units) {
        this.user = user;
        this.units = List.copyOf(units);
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

    @Override
    public String name() {
        return "systemctl enable and start " + String.join(" ", units);
    }

    @Override
    public boolean isDone(StepContext ctx) {
        List<String> enabled = new ArrayList<>(systemctl("is-enabled", "--quiet"));
        enabled.addAll(units);
        List<String> active = new ArrayList<>(systemctl("is-active", "--quiet"));
        active.addAll(units);
        List<String> reload = new ArrayList<>(systemctl("show", "--property=NeedDaemonReload", "--value"));
        reload.addAll(units);
        return ctx.commands().run(enabled).exitCode() == 0 && ctx.commands().run(active).exitCode() == 0
                && !ctx.commands().run(reload).stdout().contains("yes");
    }

    @Override
    public Undo apply(StepContext ctx) {
        ctx.commands().runChecked(systemctl("daemon-reload"));
        List<String> enable = new ArrayList<>(systemctl("enable"));
        enable.addAll(units);
        CommandResult r = ctx.commands().run(enable);
        if (r.exitCode() == 0) {
            // restart, not start: an upgrade changed the unit files of running units
            List<String> restart = new ArrayList<>(systemctl("restart"));
            restart.addAll(units);
            r = ctx.commands().run(restart);
        }
        List<String> disable = new ArrayList<>(systemctl("disable", "--now"));
        disable.addAll(units);
        CommandUndo undo = new CommandUndo(List.of(disable, systemctl("daemon-reload")));
        if (r.exitCode() != 0) {
            undo.revertQuietly(ctx);
            throw new CommandFailedException(r);
        }
        return undo;
    }
}
