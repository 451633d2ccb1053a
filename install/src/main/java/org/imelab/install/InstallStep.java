package org.imelab.install;

/**
 * One explicit, idempotent and reversible change the installer makes: a unit file, a registry
 * key, a service record, a scheduled task.
 *
 * <p>{@link #isDone} is the check (the change is already in place, so the step is skipped),
 * {@link #apply} is the do, and the {@link Undo} it returns is the undo: a record of exactly what
 * this step changed, kept in the install manifest so that uninstall removes exactly that.
 */
public interface InstallStep {

    /** Short and unique within a plan, shown in progress and in errors ("systemd unit imelab.service"). */
    String name();

    /** True when the change this step makes is already in place. */
    boolean isDone(StepContext ctx);

    /** Makes the change and returns how to reverse exactly what was changed. */
    Undo apply(StepContext ctx);
}
