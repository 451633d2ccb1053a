package org.imelab.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.imelab.agent.ipc.DaemonNotRunningException;
import org.imelab.agent.ipc.IpcClient;
import org.imelab.agent.ipc.IpcResponse;
import org.imelab.agent.ipc.IpcServer;
import org.imelab.agent.ipc.IpcVerb;
import org.imelab.agent.sync.CheckinHandler;
import org.imelab.agent.sync.CheckinObserver;
import org.imelab.agent.sync.CheckinOutcome;
import org.imelab.agent.sync.CheckinResult;
import org.imelab.agent.sync.CheckinTrigger;
import org.imelab.agent.testing.LogCapture;
import org.imelab.agent.time.ManualScheduler;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon wired together: manual clock, real check-in thread, real socket. */
class EmsAgentTest {
    static final Instant T0 = Instant.parse("2026-02-02T07:00:00Z");

    @TempDir
    Path home;

    private final MemoryRegistry registry = new MemoryRegistry();
    private final ManualScheduler scheduler = new ManualScheduler(T0);
    private final BlockingQueue<CheckinResult> finished = new LinkedBlockingQueue<>();
    private final LogCapture log = LogCapture.ime();
    private EmsAgent agent;

    @AfterEach
    void tearDown() {
        if (agent != null) {
            agent.stop();
        }
        log.close();
    }

    private AgentConfig config() {
        return AgentConfig.defaults(home.resolve("run").resolve("imelab.sock"))
                .withStartDelayMax(Duration.ZERO).withZone(ZoneOffset.UTC);
    }

    private EmsAgent agent(CheckinHandler handler, CheckinObserver... before) {
        agent = new EmsAgent(config(), registry, scheduler, handler, RandomGenerator.getDefault());
        for (CheckinObserver o : before) {
            agent.addObserver(o);
        }
        agent.addObserver(new CheckinObserver() {
            @Override
            public void checkinFinished(CheckinResult r) {
                finished.add(r);
            }
        });
        return agent;
    }

    private CheckinResult nextFinished() throws InterruptedException {
        CheckinResult r = finished.poll(10, TimeUnit.SECONDS);
        assertNotNull(r, "a check-in should have finished");
        return r;
    }

    private IpcClient client() {
        return new IpcClient(config().ipcSocket(), Duration.ofSeconds(10));
    }

    @Test
    void checksInAtStartAndOnTheMonikerAndReportsStatus() throws Exception {
        agent(r -> CheckinOutcome.success("3 apps, nothing to do").withConnection("https://127.0.0.1:8443/", "AB12"));
        agent.start();
        assertTrue(log.messages().contains("EMS Agent Started"));
        scheduler.runDue();
        assertEquals(Set.of(CheckinTrigger.SERVICE_START), nextFinished().request().triggers());

        IpcResponse r = client().send(IpcVerb.SYNCAPP);
        assertTrue(r.ok());
        assertEquals("Check-in requested", r.message());
        assertEquals(Set.of(CheckinTrigger.MONIKER_SYNCAPP), nextFinished().request().triggers());
        assertTrue(log.messages().contains("[IPC] Received a sync request: intunemanagementextension://syncapp"));

        Map<String, String> status = client().send(IpcVerb.STATUS).details();
        assertTrue(status.get(AgentStatus.AGENT).startsWith("running (pid " + ProcessHandle.current().pid()));
        assertEquals("2026-02-02 07:00:00 +00:00 (SyncApp): Success", status.get(AgentStatus.LAST_CHECKIN));
        assertEquals("2026-02-02 08:00:00 +00:00", status.get(AgentStatus.NEXT_CHECKIN));
        assertEquals("3600 s (default)", status.get(AgentStatus.INTERVAL));
        assertEquals("https://127.0.0.1:8443/", status.get(AgentStatus.GATEWAY));
        assertEquals("AB12", status.get(AgentStatus.CERTIFICATE));

        // imelab restart --simulate: the check-in a boot brings
        assertTrue(client().send(IpcVerb.RESTART).ok());
        assertEquals(Set.of(CheckinTrigger.DEVICE_RESTART), nextFinished().request().triggers());
        assertTrue(log.messages().contains("[IPC] Received a sync request: simulated device restart"));

        scheduler.advanceBy(Duration.ofMinutes(60));
        assertEquals(Set.of(CheckinTrigger.TIMER), nextFinished().request().triggers());
    }

    @Test
    void stopsCleanlyAndLeavesTheStatusInTheRegistry() throws Exception {
        agent(r -> CheckinOutcome.success("ok"));
        agent.start();
        scheduler.runDue();
        nextFinished();
        agent.stop();
        assertTrue(log.messages().contains("EMS Agent Stopped"));
        assertFalse(Files.exists(config().ipcSocket()));
        assertThrows(DaemonNotRunningException.class, () -> client().send(IpcVerb.SYNCAPP));

        Map<String, String> stored = AgentStatus.stored(registry, config().layout(), ZoneOffset.UTC);
        assertEquals("not running", stored.get(AgentStatus.AGENT));
        assertEquals("2026-02-02 07:00:00 +00:00 (ServiceStart): Success", stored.get(AgentStatus.LAST_CHECKIN));
        assertTrue(stored.get(AgentStatus.NEXT_CHECKIN).startsWith("2026-02-02 08:00:00 +00:00"));
        assertEquals("unknown (no check-in has reached a gateway yet)", stored.get(AgentStatus.GATEWAY));
    }

    @Test
    void aSecondAgentOnTheSameHomeRefusesToStart() throws Exception {
        agent(r -> CheckinOutcome.success("ok")).start();
        EmsAgent second = new EmsAgent(config(), registry, scheduler, r -> CheckinOutcome.success("x"),
                RandomGenerator.getDefault());
        assertThrows(IpcServer.AlreadyRunningException.class, second::start);
        assertEquals(1, log.count("EMS Agent Started"));
        assertTrue(client().send(IpcVerb.SYNC).ok(), "the first one keeps running");
    }

    @Test
    void stopInterruptsACheckinThatOutlivesTheGracePeriod() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        agent = new EmsAgent(config().withShutdownGrace(Duration.ZERO), registry, scheduler, r -> {
            inside.countDown();
            new CountDownLatch(1).await(); // an install that never ends
            return CheckinOutcome.success("unreachable");
        }, RandomGenerator.getDefault());
        agent.start();
        scheduler.runDue();
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        assertTrue(agent.checkinInProgress());
        IpcResponse busy = client().send(IpcVerb.SYNCAPP);
        assertEquals("Check-in requested; one is running now, another follows it", busy.message());
        agent.stop();
        assertTrue(log.messages().contains("EMS Agent Stopped"));
        assertFalse(agent.checkinInProgress());
    }

    @Test
    void consoleShowsAFewLinesPerCheckin() throws Exception {
        StringWriter console = new StringWriter();
        EmsAgent[] self = new EmsAgent[1];
        self[0] = agent(r -> CheckinOutcome.success("3 apps, nothing to do"),
                new ConsoleReporter(new PrintWriter(console), ZoneOffset.UTC, () -> self[0].nextCheckin()));
        agent.start();
        scheduler.runDue();
        nextFinished();
        String[] lines = console.toString().split("\\R");
        assertEquals(2, lines.length, console.toString());
        assertEquals("07:00:00  check-in 1 (service start)", lines[0]);
        assertEquals("07:00:00  check-in 1 done in 0.0 s: 3 apps, nothing to do. Next check-in at 08:00:00.", lines[1]);
    }
}
