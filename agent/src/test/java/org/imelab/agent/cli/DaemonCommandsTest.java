package org.imelab.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.imelab.agent.DataHome;
import org.imelab.agent.daemon.AgentConfig;
import org.imelab.agent.daemon.EmsAgent;
import org.imelab.agent.sync.CheckinObserver;
import org.imelab.agent.sync.CheckinOutcome;
import org.imelab.agent.sync.CheckinResult;
import org.imelab.agent.sync.CheckinTrigger;
import org.imelab.agent.testing.ImelabCli;
import org.imelab.agent.time.ManualScheduler;
import org.imelab.registry.ime.CheckinStateKey;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code imelab moniker / sync / status} against a daemon running in this JVM, and without one. */
class DaemonCommandsTest {
    @TempDir
    Path home;

    private final MemoryRegistry registry = new MemoryRegistry();
    private final ManualScheduler scheduler = new ManualScheduler(Instant.parse("2026-02-02T07:00:00Z"));
    private final BlockingQueue<CheckinResult> finished = new LinkedBlockingQueue<>();
    private final ImelabCli cli = new ImelabCli(() -> home, () -> new CommandLine(new ImelabCommand(h -> registry)));
    private EmsAgent agent;

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.stop();
        }
    }

    private void startDaemon() throws Exception {
        AgentConfig config = AgentConfig.defaults(new DataHome(home).ipcSocket())
                .withStartDelayMax(Duration.ZERO).withZone(ZoneOffset.UTC);
        agent = new EmsAgent(config, registry, scheduler, r -> CheckinOutcome.success("ok"), RandomGenerator.getDefault());
        agent.addObserver(new CheckinObserver() {
            @Override
            public void checkinFinished(CheckinResult r) {
                finished.add(r);
            }
        });
        agent.start();
    }

    private CheckinResult nextFinished() throws InterruptedException {
        CheckinResult r = finished.poll(10, TimeUnit.SECONDS);
        assertNotNull(r, "a check-in should have finished");
        return r;
    }

    @Test
    void monikerHandsTheVerbToTheDaemon() throws Exception {
        startDaemon();
        assertEquals(ExitCodes.OK, cli.run("moniker", "IntuneManagementExtension://SyncApp/"));
        assertEquals("Check-in requested", cli.out().strip());
        assertEquals(Set.of(CheckinTrigger.MONIKER_SYNCAPP), nextFinished().request().triggers());
        assertEquals(ExitCodes.OK, cli.run("moniker", "intunemanagementextension://synccompliance"));
        assertEquals(Set.of(CheckinTrigger.MONIKER_SYNCCOMPLIANCE), nextFinished().request().triggers());
    }

    @Test
    void aRefusedMonikerRunsNothing() throws Exception {
        startDaemon();
        assertEquals(ExitCodes.REFUSED, cli.run("moniker", "intunemanagementextension://syncapp&calc.exe"));
        assertTrue(cli.err().startsWith("imelab moniker: Refused: unexpected '&'"), cli.err());
        assertEquals(ExitCodes.REFUSED, cli.run("moniker", "intunemanagementextension://status"));
        assertEquals(ExitCodes.REFUSED, cli.run("moniker", "https://evil.example/syncapp"));
        // the daemon saw nothing: one sync afterwards is check-in number 1
        assertEquals(ExitCodes.OK, cli.run("sync"));
        assertEquals(1, nextFinished().request().number());
    }

    @Test
    void syncAsksForACheckin() throws Exception {
        startDaemon();
        assertEquals(ExitCodes.OK, cli.run("sync"));
        assertEquals(Set.of(CheckinTrigger.CLI_SYNC), nextFinished().request().triggers());
    }

    @Test
    void withoutADaemonTheCommandsSaySoAndExitThree() {
        assertEquals(ExitCodes.NOT_RUNNING, cli.run("moniker", "intunemanagementextension://syncapp"));
        assertTrue(cli.err().contains("The imelab agent is not running"), cli.err());
        assertTrue(cli.err().contains("Start it with: imelab run"), cli.err());
        assertEquals(ExitCodes.NOT_RUNNING, cli.run("sync"));
    }

    @Test
    void statusOfARunningDaemon() throws Exception {
        startDaemon();
        scheduler.runDue();
        nextFinished();
        assertEquals(ExitCodes.OK, cli.run("status"));
        String s = cli.out();
        assertTrue(s.contains("Agent:             running (pid " + ProcessHandle.current().pid()), s);
        assertTrue(s.contains("Last check-in:     2026-02-02 07:00:00 +00:00 (ServiceStart): Success"), s);
        assertTrue(s.contains("Next check-in:     2026-02-02 08:00:00 +00:00"), s);
        assertTrue(s.contains("Data home:         " + home), s);
    }

    @Test
    void statusWithoutADaemonReadsTheRegistry() {
        CheckinStateKey key = new CheckinStateKey(registry, org.imelab.registry.ime.ImeLayout.standard());
        key.recordCheckin(Instant.parse("2026-02-01T09:00:00Z"), "Timer", "Failed: gateway unreachable");
        key.recordNextCheckin(Instant.parse("2026-02-01T10:00:00Z"));
        key.recordConnection(java.util.Optional.of("https://gw.lab:8443/"), java.util.Optional.of("C0FFEE"));
        assertEquals(ExitCodes.NOT_RUNNING, cli.run("status"));
        String s = cli.out();
        assertTrue(s.contains("Agent:             not running"), s);
        assertTrue(s.contains("(Timer): Failed: gateway unreachable"), s);
        assertTrue(s.contains("Gateway:           https://gw.lab:8443/"), s);
        assertTrue(s.contains("Certificate:       C0FFEE"), s);
        assertTrue(s.contains("Check-in interval: 3600 s (default)"), s);
    }
}
