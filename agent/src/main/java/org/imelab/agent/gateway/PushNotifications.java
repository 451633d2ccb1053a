package org.imelab.agent.gateway;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.imelab.gateway.protocol.CheckinReasonPayload;

/**
 * Notifications heard from the gateway, between the push listener and the check-in that serves
 * them: the check-in echoes the latest one as its {@code CheckinReasonPayload}. A notification
 * id already heard is dropped (the service may deliver one twice; IME 1.103 de-duplicates by
 * {@code NotificationID} too).
 */
public final class PushNotifications {
    /** How many recent ids are remembered for de-duplication. */
    static final int REMEMBERED = 64;

    private final Deque<String> seen = new ArrayDeque<>();
    private CheckinReasonPayload pending;

    /** Records a notification; false when its id was heard before (then nothing is to be done). */
    public synchronized boolean offer(CheckinReasonPayload notification) {
        String id = notification.notificationId();
        if (id != null && seen.stream().anyMatch(id::equalsIgnoreCase)) {
            return false;
        }
        if (id != null) {
            seen.addLast(id);
            if (seen.size() > REMEMBERED) {
                seen.removeFirst();
            }
        }
        pending = notification;
        return true;
    }

    /** The latest notification not yet served, which the caller now serves. */
    public synchronized Optional<CheckinReasonPayload> take() {
        Optional<CheckinReasonPayload> p = Optional.ofNullable(pending);
        pending = null;
        return p;
    }
}
