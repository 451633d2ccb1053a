package org.imelab.agent.time;

/** A pending scheduled task. */
@FunctionalInterface
public interface Cancellable {
    /** Cancels the task if it has not started; returns false when it already ran or was cancelled. */
    boolean cancel();
}
