package org.imelab.agent.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLContext;
import org.imelab.agent.sync.CheckinOutcome;
import org.imelab.agent.sync.CheckinRequest;
import org.imelab.agent.sync.CheckinTrigger;
import org.imelab.agent.testing.LabDeviceFixture;
import org.imelab.agent.testing.LogCapture;
import org.imelab.agent.testing.RecordingScheduler;
import org.imelab.agent.time.ExecutorScheduler;
import org.imelab.agent.time.Scheduler;
import org.imelab.gateway.protocol.CheckinReason;
import org.imelab.gateway.protocol.CheckinReasonPayload;
import org.imelab.gateway.protocol.ClientInfo;
import org.imelab.gateway.protocol.RequestContentType;
import org.imelab.gateway.protocol.SideCarGatewaySession;
import org.imelab.gateway.protocol.SideCarJson;
import org.imelab.gateway.protocol.win32.PolicySet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway client against the lab gateway, over real HTTPS on loopback. */
class GatewayClientLabTest {
    @TempDir
    Path dir;

    private static final ClientInfo CLIENT = ClientInfo.of("LAB-PC1", "10.0.26100.1", "1.103.101.0", null, null, false, null);
    /** 0.5 puts the backoff exactly on its base: 2 s, 4 s, 8 s. */
    private static final RandomGenerator MIDDLE = new RandomGenerator() {
        @Override public long nextLong() { return 0; }
        @Override public double nextDouble() { return 0.5; }
    };

    private final SideCarJson json = new SideCarJson();
    private final LogCapture log = LogCapture.ime();
    /** The Win32 app lines, Get policies among them (AppWorkload.log since the 2408 split). */
    private final LogCapture appWorkload = new LogCapture("ime.AppWorkload");
    private final List<AutoCloseable> closing = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
        log.close();
        appWorkload.close();
    }

    private <T extends AutoCloseable> T closing(T c) {
        closing.add(c);
        return c;
    }

    private LabDeviceFixture enrolledLab() throws Exception {
        return closing(LabDeviceFixture.start(dir.resolve("lab")).enroll("LAB-PC1"));
    }

    private GatewayClient client(String sideCarUrl, SSLContext tls, LabDeviceFixture lab, Scheduler scheduler) {
        return closing(new GatewayClient(sideCarUrl, tls, lab.trust, CLIENT, scheduler, GatewayClient.Timeouts.DEFAULT,
                Backoff.DEFAULT, MIDDLE, json));
    }

    private Scheduler realScheduler() {
        return closing(new ExecutorScheduler("test-timer", Clock.systemUTC()));
    }

    private static CheckinRequest request(CheckinTrigger... triggers) {
        return new CheckinRequest(1, EnumSet.of(triggers[0], triggers), Instant.now());
    }

    @Test
    void aCheckinGetsThePoliciesOverMutualTlsAndRejectsTheMalformedOneAlone() throws Exception {
        LabDeviceFixture lab = enrolledLab();
        GatewayClient client = client(lab.gateway.sideCarUrl(), lab.deviceTls(), lab, realScheduler());
        List<PolicySet> processed = new CopyOnWriteArrayList<>();
        SideCarCheckin checkin = new SideCarCheckin(client, json, (policies, r) -> {
            processed.add(policies);
            return policies.accepted().size() + " app(s)";
        }, new PushNotifications(), () -> Optional.of("THUMB"));

        CheckinOutcome outcome = checkin.checkIn(request(CheckinTrigger.SERVICE_START));

        assertTrue(outcome.success(), outcome.summary());
        assertEquals("1 app(s); 1 malformed policy rejected", outcome.summary());
        assertEquals(Optional.of(Duration.ofMinutes(LabDeviceFixture.LAB_INTERVAL_MINUTES)), outcome.gatewayInterval());
        assertEquals(Optional.of(lab.gateway.sideCarUrl()), outcome.gatewayUrl());
        PolicySet set = processed.getFirst();
        assertEquals(LabDeviceFixture.REAL_APP, set.accepted().getFirst().id());
        assertEquals(LabDeviceFixture.MALFORMED_APP, set.rejected().getFirst().id());
        assertTrue(appWorkload.messages().contains("[Win32App] Requesting required apps"));
        assertTrue(appWorkload.messages().stream().anyMatch(m -> m.startsWith("Get policies = [{\"Id\":\""
                + LabDeviceFixture.REAL_APP)), "the IME's own line, with the policies as received");
        assertTrue(log.messages().stream().noneMatch(m -> m.startsWith("Get policies")), "not in the main log");
        assertTrue(appWorkload.messages().stream().anyMatch(m -> m.startsWith("[Win32App] policy #1 "
                + LabDeviceFixture.MALFORMED_APP) && m.contains("rejected")), appWorkload.messages().toString());
    }

    @Test
    void withoutAClientCertificateTheGatewaysRefusalIsLoggedVerbatimWithTheRequestType() throws Exception {
        LabDeviceFixture lab = enrolledLab();
        GatewayClient client = client(lab.gateway.sideCarUrl(), lab.anonymousTls(), lab, realScheduler());
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> client
                .session(RequestContentType.REQUEST_APPLICATION, "[]", CheckinReason.ON_DEMAND, CheckinReasonPayload.none())
                .get(60, TimeUnit.SECONDS));
        GatewayException g = assertInstanceOf(GatewayException.class, e.getCause());
        assertEquals(GatewayException.Kind.SERVER, g.kind());
        assertEquals(403, g.status());
        assertTrue(g.certificateRefused());
        assertTrue(g.body().contains("a client certificate issued by the lab is required"), g.body());
        String logged = log.messages().stream().filter(m -> m.startsWith("[SideCar] RequestApplication request failed with HTTP 403"))
                .findFirst().orElseThrow(() -> new AssertionError(log.messages().toString()));
        assertTrue(logged.endsWith("Response: " + g.body()), "the server's answer, verbatim: " + logged);
    }

    @Test
    void aCertificateTheLabDidNotIssueIsTurnedAwayInTheHandshakeAndNotRetried() throws Exception {
        LabDeviceFixture lab = enrolledLab();
        RecordingScheduler scheduler = closing(new RecordingScheduler(Instant.parse("2026-02-02T07:00:00Z")));
        GatewayClient client = client(lab.gateway.sideCarUrl(), lab.strangerTls(), lab, scheduler);
        CompletableFuture<SideCarGatewaySession> session = client.session(RequestContentType.REQUEST_APPLICATION, "[]",
                CheckinReason.ON_DEMAND, CheckinReasonPayload.none());
        // The server's certificate alert normally ends the handshake. On a loaded machine the server's
        // close can overtake the alert and reach the client as a reset, which is a network fault and is
        // retried: then drive the manual clock through the retries instead of waiting on it forever.
        int retriesRun = 0;
        ExecutionException e = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (e == null && System.nanoTime() < deadline) {
            try {
                session.get(200, TimeUnit.MILLISECONDS);
                org.junit.jupiter.api.Assertions.fail("a certificate the lab did not issue got a session");
            } catch (ExecutionException done) {
                e = done;
            } catch (java.util.concurrent.TimeoutException notYet) {
                if (!scheduler.manual().pending().isEmpty()) {
                    scheduler.manual().advanceBy(java.time.Duration.ofMinutes(1));
                    retriesRun++;
                }
            }
        }
        assertTrue(e != null, "no answer within 60 s");
        GatewayException g = assertInstanceOf(GatewayException.class, e.getCause());
        assertEquals(GatewayException.Kind.TRANSPORT, g.kind(), g.toString());
        if (g.certificateRefused()) {
            // a reset before it may have been retried, but the refusal itself ends the call (see below)
            assertTrue(log.messages().stream().anyMatch(m -> m.startsWith("[SideCar] RequestApplication request failed")
                    && m.contains(": SSLHandshakeException")),
                    log.messages().toString());
        } else {
            assertTrue(retriesRun > 0, "a connection reset is a network fault, retried with backoff: " + g);
        }
        assertTrue(scheduler.manual().pending().isEmpty(), "a refused certificate is not worth a retry: nothing left scheduled");
    }

    @Test
    void transportErrorsAreRetriedOnTheSchedulersClockUntilTheGatewayAnswers() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        // enroll against a lab on another port, then point the client at the port where nothing listens yet
        LabDeviceFixture enrolment = enrolledLab();
        SSLContext tls = enrolment.deviceTls();
        String sideCarPath = enrolment.gateway.sideCarUrl().substring(enrolment.gateway.baseUrl().length());
        enrolment.gateway.close();

        RecordingScheduler scheduler = closing(new RecordingScheduler(Instant.parse("2026-02-02T07:00:00Z")));
        GatewayClient client = client("https://127.0.0.1:" + port + sideCarPath, tls, enrolment, scheduler);
        CompletableFuture<SideCarGatewaySession> answer = client.session(RequestContentType.REQUEST_APPLICATION, "[]",
                CheckinReason.MAINTENANCE_TIMER, CheckinReasonPayload.none());

        assertEquals(Duration.ofSeconds(2), scheduler.next().delay(), "first retry after 2 s");
        assertFalse(answer.isDone());
        scheduler.manual().advanceBy(Duration.ofSeconds(2));
        assertEquals(Duration.ofSeconds(4), scheduler.next().delay(), "then 4 s");

        // the gateway comes back on that port (same state folder: same CA, same enrolled device)
        closing(LabDeviceFixture.start(dir.resolve("lab"), port));
        scheduler.manual().advanceBy(Duration.ofSeconds(4));
        SideCarGatewaySession session = answer.get(60, TimeUnit.SECONDS);
        assertEquals("PolicyResponse", session.responseContentType());
        assertEquals(2, log.messages().stream().filter(m -> m.startsWith("[SideCar] RequestApplication request failed: ConnectException")
                && m.contains("Retry")).count(), log.messages().toString());
    }

    @Test
    void aGatewayThatStaysAwayFailsTheRequestAfterTheLastRetry() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        LabDeviceFixture lab = enrolledLab();
        RecordingScheduler scheduler = closing(new RecordingScheduler(Instant.parse("2026-02-02T07:00:00Z")));
        GatewayClient client = client("https://127.0.0.1:" + port + "/SideCarGatewayService", lab.deviceTls(), lab, scheduler);
        CompletableFuture<SideCarGatewaySession> answer = client.session(RequestContentType.REQUEST_APPLICATION, "[]",
                CheckinReason.MAINTENANCE_TIMER, CheckinReasonPayload.none());
        for (int seconds : new int[] {2, 4, 8}) {
            assertEquals(Duration.ofSeconds(seconds), scheduler.next().delay());
            scheduler.manual().advanceBy(Duration.ofSeconds(seconds));
        }
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> answer.get(60, TimeUnit.SECONDS));
        GatewayException g = assertInstanceOf(GatewayException.class, e.getCause());
        assertEquals(GatewayException.Kind.TRANSPORT, g.kind());
        assertTrue(g.getMessage().contains("after 4 attempts"), g.getMessage());
        assertTrue(scheduler.manual().pending().isEmpty());
    }

    @Test
    void closingCancelsAPendingRetry() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        LabDeviceFixture lab = enrolledLab();
        RecordingScheduler scheduler = closing(new RecordingScheduler(Instant.parse("2026-02-02T07:00:00Z")));
        GatewayClient client = new GatewayClient("https://127.0.0.1:" + port + "/SideCarGatewayService", lab.deviceTls(),
                lab.trust, CLIENT, scheduler, GatewayClient.Timeouts.DEFAULT, Backoff.DEFAULT, MIDDLE, json);
        CompletableFuture<SideCarGatewaySession> answer = client.session(RequestContentType.REQUEST_APPLICATION, "[]",
                CheckinReason.MAINTENANCE_TIMER, CheckinReasonPayload.none());
        assertNotNull(scheduler.next());
        client.close();
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> answer.get(60, TimeUnit.SECONDS));
        assertEquals(GatewayException.Kind.CANCELLED, assertInstanceOf(GatewayException.class, e.getCause()).kind());
        assertTrue(scheduler.manual().pending().isEmpty());
    }
}
