package org.imelab.agent.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.imelab.agent.testing.LogCapture;
import org.imelab.agent.testing.RecordingCheckinHandler;
import org.imelab.agent.time.ManualScheduler;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;
import org.imelab.registry.ime.CheckinStateKey;
import org.imelab.registry.ime.ImeLayout;
import org.imelab.registry.file.FileRegistry;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 60-minute cadence and its overrides, driven by a manual clock. */
class CheckinScheduleTest {
    static final Instant T0 = Instant.parse("2026-02-02T07:00:00Z");
    static final ImeLayout LAYOUT = ImeLayout.standard();
    static final RegPath IME = LAYOUT.root();

    private Registry registry = new MemoryRegistry();
    private final LogCapture log = LogCapture.ime();
    private Device device;

    /** One agent life: a scheduler, a coordinator running check-ins inline, the schedule. */
    final class Device {
        final ManualScheduler scheduler;
        final RecordingCheckinHandler handler;
        final SyncCoordinator coordinator;
        final CheckinSchedule schedule;

        Device(Instant start, StartDelay delay) {
            scheduler = new ManualScheduler(start);
            handler = new RecordingCheckinHandler(scheduler.clock());
            coordinator = new SyncCoordinator(handler, Runnable::run, scheduler.clock());
            schedule = new CheckinSchedule(scheduler, registry, LAYOUT, coordinator, delay);
            coordinator.addObserver(schedule);
            schedule.start();
        }

        /** Minutes since T0 of each check-in so far. */
        List<Long> checkinMinutes() {
            return handler.calls().stream().map(c -> Duration.between(T0, c.at()).toMinutes()).toList();
        }

        void stop() {
            schedule.stop();
            coordinator.close();
            scheduler.close();
        }
    }

    @AfterEach
    void tearDown() {
        log.close();
    }

    private Device start(Instant at) {
        device = new Device(at, StartDelay.none());
        return device;
    }

    @Test
    void checksInAtStartThenEverySixtyMinutes() {
        Device d = start(T0);
        d.scheduler.advanceBy(Duration.ofMinutes(185));
        assertEquals(List.of(0L, 60L, 120L, 180L), d.checkinMinutes());
        assertEquals(Set.of(CheckinTrigger.SERVICE_START), d.handler.calls().get(0).request().triggers());
        assertEquals(Set.of(CheckinTrigger.TIMER), d.handler.calls().get(1).request().triggers());
        assertTrue(log.messages().contains("[Policy] check in interval from cache is : 3600 seconds"));
        assertTrue(log.messages().contains("Delaying all checkins by 0 s"));
        assertEquals(4, log.count(SyncCoordinator.POLLER_STARTS));
        assertEquals(4, log.count(SyncCoordinator.POLLER_STOPPED));
        assertEquals(T0.plus(Duration.ofMinutes(240)), d.schedule.nextCheckin().orElseThrow());
    }

    @Test
    void firstCheckinWaitsForTheRandomizedStartDelay() {
        RandomGenerator thirtySix = new RandomGenerator() {
            @Override public long nextLong() { return 36; }
            @Override public long nextLong(long bound) { return 36; }
        };
        device = new Device(T0, new StartDelay(Duration.ofSeconds(60), thirtySix));
        device.scheduler.advanceBy(Duration.ofSeconds(35));
        assertTrue(device.handler.calls().isEmpty());
        device.scheduler.advanceBy(Duration.ofSeconds(1));
        assertEquals(List.of(T0.plusSeconds(36)), device.handler.calls().stream().map(c -> c.at()).toList());
        assertTrue(log.messages().contains("Delaying all checkins by 36 s"));
        assertEquals(T0.plusSeconds(36).plus(Duration.ofMinutes(60)), device.schedule.nextCheckin().orElseThrow());
    }

    @Test
    void startDelayStaysWithinItsBound() {
        StartDelay delay = new StartDelay(Duration.ofSeconds(60), RandomGenerator.of("L64X128MixRandom"));
        for (int i = 0; i < 1000; i++) {
            Duration d = delay.next();
            assertTrue(!d.isNegative() && d.compareTo(Duration.ofSeconds(60)) <= 0, d.toString());
        }
        assertEquals(Duration.ZERO, StartDelay.none().next());
    }

    @Test
    void settingsIntervalOverridesTheSixtyMinutes() {
        registry.put(IME.child("Settings"), "Interval", RegValue.dword(1800));
        Device d = start(T0);
        d.scheduler.advanceBy(Duration.ofMinutes(95));
        assertEquals(List.of(0L, 30L, 60L, 90L), d.checkinMinutes());
        assertTrue(log.messages().contains("[Policy] check in interval from cache is : 1800 seconds"));
    }

    @Test
    void aChangedSettingsIntervalIsPickedUpAtTheNextTick() {
        Device d = start(T0);
        d.scheduler.advanceBy(Duration.ofMinutes(30));
        registry.put(IME.child("Settings"), "Interval", RegValue.dword(600));
        d.scheduler.advanceBy(Duration.ofMinutes(60));
        // the tick at 60 already runs with the new 10 minutes
        assertEquals(List.of(0L, 60L, 70L, 80L, 90L), d.checkinMinutes());
    }

    @Test
    void nonsenseSettingsIntervalIsIgnoredWithAWarning() {
        registry.put(IME.child("Settings"), "Interval", RegValue.dword(5));
        Device d = start(T0);
        d.scheduler.advanceBy(Duration.ofMinutes(61));
        assertEquals(List.of(0L, 60L), d.checkinMinutes());
        assertTrue(log.messages().stream().anyMatch(m -> m.startsWith("[Policy] Ignoring Settings\\Interval of 5 seconds")),
                log.messages().toString());
    }

    @Test
    void unreadableSettingsIntervalIsIgnoredWithAWarning() {
        registry.put(IME.child("Settings"), "Interval", RegValue.sz("hourly"));
        Device d = start(T0);
        d.scheduler.advanceBy(Duration.ofMinutes(61));
        assertEquals(List.of(0L, 60L), d.checkinMinutes());
        assertTrue(log.messages().contains(
                "[Policy] Ignoring Settings\\Interval 'hourly' (REG_SZ): not a positive number of seconds"),
                log.messages().toString());
    }

    @Test
    void gatewayIntervalMovesTheTimerAndIsCached() {
        Device d = start(T0);
        d.handler.answering(r -> CheckinOutcome.success("ok").withGatewayInterval(Duration.ofMinutes(56)));
        d.scheduler.advanceBy(Duration.ofMinutes(115));
        assertEquals(List.of(0L, 56L, 112L), d.checkinMinutes());
        assertEquals(Optional.of(Duration.ofMinutes(56)), new CheckinStateKey(registry, LAYOUT).read().gatewayInterval());
        assertTrue(log.messages().contains("[Policy] check in interval from cache is : 3360 seconds"));
    }

    @Test
    void settingsIntervalWinsOverTheGateway() {
        registry.put(IME.child("Settings"), "Interval", RegValue.dword(1200));
        Device d = start(T0);
        d.handler.answering(r -> CheckinOutcome.success("ok").withGatewayInterval(Duration.ofMinutes(56)));
        d.scheduler.advanceBy(Duration.ofMinutes(61));
        assertEquals(List.of(0L, 20L, 40L, 60L), d.checkinMinutes());
    }

    @Test
    void onDemandCheckinsDoNotMoveTheTimer() {
        Device d = start(T0);
        d.scheduler.advanceBy(Duration.ofMinutes(10));
        d.coordinator.request(CheckinTrigger.MONIKER_SYNCAPP);
        d.scheduler.advanceBy(Duration.ofMinutes(55));
        assertEquals(List.of(0L, 10L, 60L), d.checkinMinutes());
        assertEquals(Set.of(CheckinTrigger.MONIKER_SYNCAPP), d.handler.calls().get(1).request().triggers());
    }

    @Test
    void eachCheckinIsRecordedInTheRegistry() {
        Device d = start(T0);
        d.handler.answering(r -> CheckinOutcome.failed("gateway unreachable")
                .withConnection("https://127.0.0.1:8443/", "0123ABCD"));
        d.scheduler.advanceBy(Duration.ofMinutes(60));
        CheckinStateKey.CheckinState s = new CheckinStateKey(registry, LAYOUT).read();
        assertEquals(T0.plus(Duration.ofMinutes(60)), s.lastCheckin().orElseThrow());
        assertEquals("Timer", s.lastReason().orElseThrow());
        assertEquals("Failed: gateway unreachable", s.lastResult().orElseThrow());
        assertEquals(T0.plus(Duration.ofMinutes(120)), s.nextCheckin().orElseThrow());
        assertEquals("https://127.0.0.1:8443/", s.gatewayUrl().orElseThrow());
        assertEquals("0123ABCD", s.certificateThumbprint().orElseThrow());
    }

    @Test
    void aRestartResumesTheTimerFromTheRegistry() {
        Device first = start(T0);
        first.scheduler.advanceBy(Duration.ofMinutes(30));
        first.stop();
        assertEquals(List.of(0L), first.checkinMinutes());

        Device second = start(T0.plus(Duration.ofMinutes(30)));
        second.scheduler.advanceBy(Duration.ofMinutes(100));
        // a check-in at start, as the IME does, then the timer still due at 60, not at 90
        assertEquals(List.of(30L, 60L, 120L), second.checkinMinutes());
        assertEquals(Set.of(CheckinTrigger.SERVICE_START), second.handler.calls().get(0).request().triggers());
    }

    @Test
    void aRestartResumesTheTimerFromTheFileRegistryOnDisk(@TempDir Path store) {
        registry = new FileRegistry(store);
        Device first = start(T0);
        first.handler.answering(r -> CheckinOutcome.success("ok").withGatewayInterval(Duration.ofMinutes(40)));
        first.scheduler.advanceBy(Duration.ofMinutes(50));
        first.stop();
        registry.close();
        assertEquals(List.of(0L, 40L), first.checkinMinutes());

        // a new process: the registry is read back from its files
        registry = new FileRegistry(store);
        Device second = start(T0.plus(Duration.ofMinutes(50)));
        second.scheduler.advanceBy(Duration.ofMinutes(71));
        assertEquals(List.of(50L, 80L, 120L), second.checkinMinutes(), "due at 80 from disk, then every 40 minutes");
        registry.close();
    }

    @Test
    void aRestartAfterTheDueTimeLetsTheStartCheckinServeIt() {
        Device first = start(T0);
        first.scheduler.advanceBy(Duration.ofMinutes(10));
        first.stop();

        Device second = start(T0.plus(Duration.ofHours(5)));
        second.scheduler.advanceBy(Duration.ofMinutes(61));
        assertEquals(List.of(300L, 360L), second.checkinMinutes());
    }

    @Test
    void aStoredDueTimeBeyondTheIntervalIsPulledIn() {
        new CheckinStateKey(registry, LAYOUT).recordNextCheckin(T0.plus(Duration.ofDays(3)));
        Device d = start(T0);
        assertEquals(T0.plus(Duration.ofMinutes(60)), d.schedule.nextCheckin().orElseThrow());
    }

    @Test
    void aRestartKeepsTheGatewayIntervalFromCache() {
        Device first = start(T0);
        first.handler.answering(r -> CheckinOutcome.success("ok").withGatewayInterval(Duration.ofMinutes(45)));
        first.scheduler.advanceBy(Duration.ofMinutes(50));
        first.stop();
        assertEquals(List.of(0L, 45L), first.checkinMinutes());

        Device second = start(T0.plus(Duration.ofMinutes(50)));
        second.scheduler.advanceBy(Duration.ofMinutes(91));
        assertEquals(List.of(50L, 90L, 135L), second.checkinMinutes());
        assertTrue(log.messages().contains("[Policy] check in interval from cache is : 2700 seconds"));
    }
}
