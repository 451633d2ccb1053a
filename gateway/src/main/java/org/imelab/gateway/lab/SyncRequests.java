package org.imelab.gateway.lab;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.imelab.gateway.protocol.CheckinReasonPayload;

/**
 * The lab's push channel, standing in for WNS: the admin side asks a device to sync now
 * ({@link #request}); the device holds a long poll open ({@link #await}) and gets the
 * notification at once, or, when it was not listening, on its next poll. Requests made while one
 * is pending coalesce into it, like repeated presses of the admin center's Sync button.
 */
public final class SyncRequests {
    private final Map<String, CheckinReasonPayload> pending = new HashMap<>();
    private final Map<String, CompletableFuture<CheckinReasonPayload>> waiting = new HashMap<>();

    /** Asks the device to check in; returns the notification id it will carry. */
    public String request(String deviceId) {
        String key = deviceId.toLowerCase(Locale.ROOT);
        synchronized (this) {
            CheckinReasonPayload notification = pending.get(key);
            if (notification != null) {
                return notification.notificationId();
            }
            notification = new CheckinReasonPayload(UUID.randomUUID().toString(),
                    CheckinReasonPayload.WIN32_APP_WORKLOAD);
            CompletableFuture<CheckinReasonPayload> waiter = waiting.remove(key);
            if (waiter == null) {
                pending.put(key, notification);
            } else {
                // completed under the lock, so a poll that times out now still finds it (see await)
                waiter.complete(notification);
            }
            return notification.notificationId();
        }
    }

    /**
     * Waits up to {@code timeout} for a sync request for this device.
     *
     * @return the notification, or empty when the time ran out
     */
    public Optional<CheckinReasonPayload> await(String deviceId, Duration timeout) throws InterruptedException {
        String key = deviceId.toLowerCase(Locale.ROOT);
        CompletableFuture<CheckinReasonPayload> future;
        synchronized (this) {
            CheckinReasonPayload ready = pending.remove(key);
            if (ready != null) {
                return Optional.of(ready);
            }
            // a newer poll replaces an older one of the same device (the old connection is gone)
            CompletableFuture<CheckinReasonPayload> previous = waiting.put(key, future = new CompletableFuture<>());
            if (previous != null) {
                previous.complete(null);
            }
        }
        try {
            return Optional.ofNullable(future.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            synchronized (this) {
                if (waiting.remove(key, future)) {
                    return Optional.empty();
                }
            }
            // a request took this poll between the timeout and the lock: it is delivered, not lost
            return Optional.ofNullable(future.getNow(null));
        } catch (ExecutionException e) {
            throw new IllegalStateException("a sync wait cannot fail", e);
        }
    }

    /** Whether the device is holding a poll open now (for the device view and tests). */
    public synchronized boolean listening(String deviceId) {
        return waiting.containsKey(deviceId.toLowerCase(Locale.ROOT));
    }

    /** Whether a request waits for the device's next poll. */
    public synchronized boolean pending(String deviceId) {
        return pending.containsKey(deviceId.toLowerCase(Locale.ROOT));
    }

    /** Wakes every poll with "nothing" (on shutdown). */
    public void closeAll() {
        Map<String, CompletableFuture<CheckinReasonPayload>> all;
        synchronized (this) {
            all = new HashMap<>(waiting);
            waiting.clear();
        }
        all.values().forEach(f -> f.complete(null));
    }
}
