package org.imelab.install.service;

import org.imelab.install.StepContext;
import org.imelab.install.Undo;

/**
 * Reverses a {@link ServiceStep}: stops and deletes imelab's service, then re-creates the service
 * it replaced ({@code replaced}), or, for an update within one install run, puts the previous
 * configuration back ({@code previous}) and starts it again when it ran before ({@code restart}).
 */
public record ServiceUndo(String name, ServiceConfig replaced, ServiceConfig previous, boolean restart) implements Undo {

    @Override
    public void revert(StepContext ctx) {
        ServiceManager scm = ctx.services();
        if (previous != null) {
            scm.stop(name, ServiceStep.STOP_TIMEOUT);
            scm.update(previous);
            if (restart) {
                scm.start(name, StartServiceStep.START_TIMEOUT);
            }
            return;
        }
        if (scm.query(name).isPresent()) {
            scm.stop(name, ServiceStep.STOP_TIMEOUT);
            scm.delete(name);
        }
        if (replaced != null) {
            scm.create(replaced);
            ctx.report("  restored service " + replaced.name() + " (" + replaced.binaryPath() + ")");
        }
    }

    @Override
    public Undo mergeNewer(Undo newer) {
        // the first record knows what was there before imelab; an update changes nothing about that
        return previous == null ? this : newer;
    }
}
