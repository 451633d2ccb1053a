package org.imelab.agent.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import okhttp3.Request;
import okhttp3.Response;
import org.imelab.agent.sync.CheckinObserver;
import org.imelab.agent.sync.CheckinResult;
import org.imelab.agent.sync.CheckinTrigger;
import org.imelab.agent.sync.SyncCoordinator;
import org.imelab.agent.testing.LabDeviceFixture;
import org.imelab.agent.testing.LogCapture;
import org.imelab.agent.testing.RecordingScheduler;
import org.imelab.agent.time.ExecutorScheduler;
import org.imelab.gateway.protocol.ClientInfo;
import org.imelab.gateway.protocol.SideCarJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin center's "Sync" reaching the agent through the lab's long poll, over real HTTPS. */
class LabPushListenerTest {
    @TempDir
    Path dir;

    @Test
    void aSyncRequestedAtTheGatewayCausesACheckinThatSaysSo() throws Exception {
        SideCarJson json = new SideCarJson();
        ExecutorService worker = Executors.newSingleThreadExecutor();
        BlockingQueue<CheckinResult> finished = new LinkedBlockingQueue<>();
        try (LogCapture log = LogCapture.ime();
                LabDeviceFixture lab = LabDeviceFixture.start(dir).enroll("LAB-PC1");
                ExecutorScheduler scheduler = new ExecutorScheduler("test-timer", Clock.systemUTC());
                GatewayClient client = new GatewayClient(lab.gateway.sideCarUrl(), lab.deviceTls(), lab.trust,
                        ClientInfo.of("LAB-PC1", "10.0.26100.1", "1.103.101.0", null, null, false, null), scheduler,
                        GatewayClient.Timeouts.DEFAULT, Backoff.DEFAULT, RandomGenerator.getDefault(), json)) {
            PushNotifications notifications = new PushNotifications();
            SyncCoordinator coordinator = new SyncCoordinator(new SideCarCheckin(client, json,
                    (policies, r) -> policies.accepted().size() + " app(s)", notifications, Optional::empty),
                    worker, Clock.systemUTC());
            coordinator.addObserver(new CheckinObserver() {
                @Override
                public void checkinFinished(CheckinResult r) {
                    finished.add(r);
                }
            });
            String deviceId = lab.enrollment.deviceId();
            // asked before the device listens: the lab keeps it for the device's next poll
            String first = lab.gateway.requestSync(deviceId);
            try (LabPushListener listener = new LabPushListener(client, lab.gateway.baseUrl() + "/lab/notify",
                    coordinator, notifications, scheduler, RandomGenerator.getDefault())) {
                listener.start();
                CheckinResult r = finished.poll(60, TimeUnit.SECONDS);
                assertNotNull(r, "the push caused a check-in");
                assertEquals(Set.of(CheckinTrigger.GATEWAY_PUSH), r.request().triggers());
                assertTrue(r.outcome().success(), r.outcome().summary());
                assertTrue(log.messages().contains("[Notification] Received a sync notification: NotificationID = "
                        + first + ", NotificationIntent: Win32AppWorkload"), log.messages().toString());
                assertEquals("Notification", lastCheckinReason(client, lab, deviceId));

                // and again while it is listening
                String second = lab.gateway.requestSync(deviceId);
                CheckinResult again = finished.poll(60, TimeUnit.SECONDS);
                assertNotNull(again, "the second push caused a check-in");
                assertEquals(2, again.request().number());
                assertTrue(log.messages().stream().anyMatch(m -> m.contains("NotificationID = " + second)));
            }
        } finally {
            worker.shutdownNow();
        }
    }

    @Test
    void emptyPollsThatEndAtOnceAreSpacedOutNotRepeatedInATightLoop() throws Exception {
        SideCarJson json = new SideCarJson();
        RecordingScheduler scheduler = new RecordingScheduler(java.time.Instant.parse("2026-02-02T07:00:00Z"));
        try (LabDeviceFixture lab = LabDeviceFixture.startWithNotifyWait(dir, java.time.Duration.ofMillis(1)).enroll("LAB-PC1");
                GatewayClient client = new GatewayClient(lab.gateway.sideCarUrl(), lab.deviceTls(), lab.trust,
                        ClientInfo.of("LAB-PC1", "10.0.26100.1", "1.103.101.0", null, null, false, null), scheduler,
                        GatewayClient.Timeouts.DEFAULT, Backoff.DEFAULT, RandomGenerator.getDefault(), json);
                LabPushListener listener = new LabPushListener(client, lab.gateway.baseUrl() + "/lab/notify",
                        trigger -> { throw new AssertionError("no notification was requested"); },
                        new PushNotifications(), scheduler, RandomGenerator.getDefault())) {
            listener.start();
            // the manual clock stands still, so the empty poll came back "at once"
            RecordingScheduler.Scheduled next = scheduler.next();
            assertEquals(LabPushListener.MIN_POLL_SPACING, next.delay());
            assertTrue(scheduler.manual().pending().size() == 1 && !listener.polling(), "waiting, not polling");
            scheduler.manual().advanceBy(LabPushListener.MIN_POLL_SPACING);
            assertEquals(LabPushListener.MIN_POLL_SPACING, scheduler.next().delay(), "the next empty poll waits too");
        }
    }

    private static String lastCheckinReason(GatewayClient client, LabDeviceFixture lab, String deviceId) throws Exception {
        Request get = new Request.Builder().url(lab.gateway.baseUrl() + "/lab/devices/" + deviceId).get().build();
        try (Response r = client.http().newCall(get).execute()) {
            JsonNode device = new SideCarJson().readTree(r.body().string());
            return device.path("LastCheckin").path("CheckinReason").asText();
        }
    }
}
