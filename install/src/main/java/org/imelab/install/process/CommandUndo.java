package org.imelab.install.process;

import java.util.List;
import org.imelab.install.StepContext;
import org.imelab.install.Undo;

/** Reverses a step by running commands (e.g. {@code systemctl disable --now ...}), each must exit 0. */
public record CommandUndo(List<List<String>> commands) implements Undo {

    public CommandUndo {
        commands = commands.stream().map(List::copyOf).toList();
    }

    @Override
    public void revert(StepContext ctx) {
        for (List<String> argv : commands) {
            ctx.commands().runChecked(argv);
        }
    }

    /** Runs every command, ignoring failures: for cleaning up after a half-done apply. */
    public void revertQuietly(StepContext ctx) {
        for (List<String> argv : commands) {
            try {
                ctx.commands().run(argv);
            } catch (RuntimeException ignored) {
                // the apply failure is the one reported
            }
        }
    }
}
