package org.imelab.gateway.lab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.imelab.gateway.protocol.CheckinReasonPayload;

/**
 * {@code GET /lab/notify[?timeoutSeconds=N]}: the device's long poll for "sync now". Answers 200
 * with the notification ({@code {"NotificationID":...,"NotificationIntent":"Win32AppWorkload"}},
 * what the agent echoes as {@code CheckinReasonPayload} with {@code CheckinReason} Notification)
 * as soon as one is requested, or 204 when the wait ends without one. Needs the device's
 * certificate: a device only hears its own notifications.
 */
final class NotifyEndpoint implements HttpHandler {
    private final LabServices lab;

    NotifyEndpoint(LabServices lab) {
        this.lab = lab;
    }

    @Override
    public void handle(HttpExchange raw) throws IOException {
        LabExchange ex = new LabExchange(raw);
        if (!"GET".equals(ex.method())) {
            ex.odataError(405, "MethodNotAllowed", "poll with GET");
            return;
        }
        Optional<LabDevice> device = LabAuth.device(ex, lab.devices());
        if (device.isEmpty()) {
            LabAuth.refuse(ex);
            return;
        }
        String asked = ex.query().get("device");
        if (asked != null && !asked.equalsIgnoreCase(device.get().deviceId())) {
            ex.odataError(403, "Forbidden", "a device can only listen for its own notifications");
            return;
        }
        Duration wait = lab.config().maxNotifyWait();
        String t = ex.query().get("timeoutSeconds");
        if (t != null) {
            try {
                Duration asked2 = Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
                if (asked2.isNegative()) {
                    throw new NumberFormatException();
                }
                wait = asked2.compareTo(wait) < 0 ? asked2 : wait;
            } catch (NumberFormatException e) {
                ex.odataError(400, "BadRequest", "timeoutSeconds must be a non-negative number");
                return;
            }
        }
        Optional<CheckinReasonPayload> n;
        try {
            n = lab.sync().await(device.get().deviceId(), wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ex.empty(503);
            return;
        }
        if (n.isPresent()) {
            ex.json(200, lab.json().write(n.get()));
        } else {
            ex.empty(204);
        }
    }
}
