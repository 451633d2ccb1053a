package org.imelab.agent.sync;

/**
 * Told about each check-in, on the check-in thread, before the triggers' waiters are released,
 * so that whatever an observer records is visible to whoever waited for the check-in.
 */
public interface CheckinObserver {
    default void checkinStarted(CheckinRequest request) {
    }

    default void checkinFinished(CheckinResult result) {
    }
}
