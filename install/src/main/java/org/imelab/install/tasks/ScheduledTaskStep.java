package org.imelab.install.tasks;

import java.util.Optional;
import org.imelab.install.InstallStep;
import org.imelab.install.StepContext;
import org.imelab.install.Undo;

/**
 * Registers one scheduled task with {@code schtasks /Create /XML}. A task of that name that was
 * there before is kept (its XML) in the undo record and re-created on uninstall.
 */
public final class ScheduledTaskStep implements InstallStep {
    private final ScheduledTask task;

    public ScheduledTaskStep(ScheduledTask task) {
        this.task = task;
    }

    public ScheduledTask task() {
        return task;
    }

    @Override
    public String name() {
        return "scheduled task " + task.path();
    }

    @Override
    public boolean isDone(StepContext ctx) {
        // Task Scheduler rewrites the XML it is given; the action is what must match
        return new Schtasks(ctx.commands()).query(task.path())
                .filter(xml -> xml.contains(TaskXml.escape(task.command())) && xml.contains(TaskXml.escape(task.arguments())))
                .isPresent();
    }

    @Override
    public Undo apply(StepContext ctx) {
        Schtasks schtasks = new Schtasks(ctx.commands());
        Optional<String> before = schtasks.query(task.path());
        schtasks.create(task.path(), TaskXml.render(task));
        return new ScheduledTaskUndo(task.path(), before.orElse(null));
    }
}
