package org.imelab.install.tasks;

import org.imelab.install.StepContext;
import org.imelab.install.Undo;

/** Deletes imelab's task and re-creates the one it replaced ({@code beforeXml}), if any. */
public record ScheduledTaskUndo(String path, String beforeXml) implements Undo {

    @Override
    public void revert(StepContext ctx) {
        Schtasks schtasks = new Schtasks(ctx.commands());
        schtasks.delete(path);
        if (beforeXml != null) {
            schtasks.create(path, beforeXml);
        }
    }
}
