package org.imelab.agent.gateway;

import java.io.IOException;
import java.time.Duration;
import java.util.random.RandomGenerator;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.imelab.agent.sync.CheckinTrigger;
import org.imelab.agent.sync.CheckinTriggers;
import org.imelab.agent.time.Cancellable;
import org.imelab.agent.time.Scheduler;
import org.imelab.gateway.protocol.CheckinReasonPayload;
import org.imelab.gateway.protocol.PayloadFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The push path of the lab: where a real device hears WNS, a lab device holds a long poll open on
 * the lab gateway ({@code GET /lab/notify}) with its certificate. A notification becomes a
 * {@link CheckinTrigger#GATEWAY_PUSH} trigger; the check-in then echoes it as its
 * {@code CheckinReasonPayload}. A failed poll is retried after a backoff on the scheduler, for
 * as long as the agent runs.
 *
 * <p>States: {@code POLLING} (a request is open), {@code WAITING} (a retry is scheduled),
 * {@code CLOSED}.
 */
public final class LabPushListener implements AutoCloseable {
    private static final Logger ime = LoggerFactory.getLogger("ime.IntuneManagementExtension");

    /** How long one poll waits for a notification; the gateway may cut it shorter. */
    static final Duration POLL_WAIT = Duration.ofSeconds(50);
    /** Retries after failed polls: from 5 s up to 5 minutes, indefinitely. */
    static final Backoff RETRY = new Backoff(Duration.ofSeconds(5), 2.0, Duration.ofMinutes(5), 0.2, Integer.MAX_VALUE);
    /** Polls that come back empty at once (a gateway shutting down) are spaced at least this far apart. */
    static final Duration MIN_POLL_SPACING = Duration.ofSeconds(1);

    private final OkHttpClient http;
    private final HttpUrl notifyUrl;
    private final GatewayClient client;
    private final CheckinTriggers triggers;
    private final PushNotifications notifications;
    private final Scheduler scheduler;
    private final RandomGenerator random;

    private Call call;
    private java.time.Instant pollStarted;
    private Cancellable retry;
    private int failures;
    private boolean closed;

    /** @param notifyUrl {@code {lab base}/lab/notify} */
    public LabPushListener(GatewayClient client, String notifyUrl, CheckinTriggers triggers,
            PushNotifications notifications, Scheduler scheduler, RandomGenerator random) {
        this.client = client;
        this.notifyUrl = HttpUrl.get(notifyUrl).newBuilder()
                .setQueryParameter("timeoutSeconds", Long.toString(POLL_WAIT.toSeconds())).build();
        // a poll is silent for up to POLL_WAIT by design: allow for it on top of the gateway's pace
        this.http = client.http().newBuilder()
                .readTimeout(POLL_WAIT.plusSeconds(30))
                .callTimeout(POLL_WAIT.plusSeconds(60))
                .build();
        this.triggers = triggers;
        this.notifications = notifications;
        this.scheduler = scheduler;
        this.random = random;
    }

    public synchronized void start() {
        poll();
    }

    private synchronized void poll() {
        if (closed) {
            return;
        }
        retry = null;
        pollStarted = scheduler.now();
        call = http.newCall(new Request.Builder().url(notifyUrl).get().build());
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }

            @Override
            public void onResponse(Call c, Response response) {
                try (response) {
                    handle(response);
                } catch (IOException | RuntimeException e) {
                    failed(e.toString());
                }
            }
        });
    }

    private void handle(Response response) throws IOException {
        ResponseBody body = response.body();
        String text = body == null ? "" : body.string();
        if (response.code() == 204) {
            nothingYet();
            return;
        }
        if (response.code() != 200) {
            failed("HTTP " + response.code() + " " + response.message() + ". Response: " + text);
            return;
        }
        CheckinReasonPayload notification;
        try {
            notification = client.json().read(text, CheckinReasonPayload.class);
        } catch (PayloadFormatException e) {
            failed("the notification is not readable: " + e.getMessage());
            return;
        }
        if (notifications.offer(notification)) {
            ime.info("[Notification] Received a sync notification: NotificationID = {}, NotificationIntent: {}",
                    notification.notificationId(), notification.notificationIntent());
            triggers.request(CheckinTrigger.GATEWAY_PUSH);
        } else {
            ime.info("[Notification] Ignoring notification {}: already received", notification.notificationId());
        }
        succeeded();
    }

    private synchronized void succeeded() {
        failures = 0;
        poll();
    }

    /** The poll ended without a notification: poll again, but never in a tight loop. */
    private synchronized void nothingYet() {
        failures = 0;
        if (closed) {
            return;
        }
        Duration held = Duration.between(pollStarted, scheduler.now());
        if (held.compareTo(MIN_POLL_SPACING) >= 0) {
            poll();
        } else {
            retry = scheduler.schedule("sync notification poll", MIN_POLL_SPACING.minus(held), this::poll);
        }
    }

    private synchronized void failed(String why) {
        if (closed) {
            return;
        }
        failures++;
        Duration wait = RETRY.delay(Math.min(failures, 30), random.nextDouble());
        if (failures == 1) {
            ime.warn("[Notification] Listening for sync notifications failed: {}. Trying again in {} s", why,
                    wait.toSeconds());
        }
        retry = scheduler.schedule("sync notification poll", wait, this::poll);
    }

    /** Whether the listener has a request open right now (for tests and status). */
    public synchronized boolean polling() {
        return call != null && retry == null && !closed;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (call != null) {
            call.cancel();
        }
        if (retry != null) {
            retry.cancel();
        }
    }
}
