package org.imelab.agent.inventory;

import static org.imelab.agent.inventory.InventoryCadence.Kind.DELTA;
import static org.imelab.agent.inventory.InventoryCadence.Kind.FULL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.imelab.agent.time.ManualScheduler;
import org.imelab.registry.Hive;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;
import org.imelab.registry.file.FileRegistry;
import org.imelab.registry.ime.ImeLayout;
import org.imelab.registry.ime.InventoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's inventory cadence on a manual clock, over the file registry: full the first time,
 * a delta at service start and every 24 h, full every 7 days, due times that survive a restart.
 */
class InventoryWorkloadTest {
    static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    static final RegPath UNINSTALL = RegPath.of(Hive.HKEY_LOCAL_MACHINE).child(UninstallKeyPrograms.UNINSTALL);

    @TempDir
    Path dir;

    /** What reached the "gateway", with the time it was sent. */
    static final class Recorder implements InventoryUploader {
        final ManualScheduler clock;
        final List<String> sent = new ArrayList<>();
        int failuresToCome;

        Recorder(ManualScheduler clock) {
            this.clock = clock;
        }

        @Override
        public void upload(InventoryDelta delta) throws InventoryUploadException {
            if (failuresToCome > 0) {
                failuresToCome--;
                throw new InventoryUploadException("HTTP 503 from the gateway", null);
            }
            sent.add((delta.full() ? "full" : "delta") + "@" + hours(clock.now()) + "h:" + delta.size());
        }
    }

    static long hours(Instant t) {
        return Duration.between(T0, t).toHours();
    }

    static InventoryWorkload workload(Registry registry, ManualScheduler scheduler, InventoryUploader uploader) {
        RegistryInventoryBaseline baseline = new RegistryInventoryBaseline(new InventoryStore(registry, ImeLayout.standard()));
        InventoryCollector collector = new InventoryCollector(new UninstallKeyPrograms(registry), baseline, uploader,
                scheduler.clock());
        return new InventoryWorkload(collector, baseline, scheduler, Runnable::run);
    }

    static void install(Registry registry, String key, String name, String version) {
        RegPath k = UNINSTALL.child(key);
        registry.createKey(k);
        registry.put(k, "DisplayName", RegValue.sz(name));
        registry.put(k, "DisplayVersion", RegValue.sz(version));
        registry.put(k, "Publisher", RegValue.sz("Contoso"));
    }

    @Test
    void fullFirstThenADeltaEvery24HoursAndAFullEvery7Days() {
        ManualScheduler scheduler = new ManualScheduler(T0);
        try (FileRegistry registry = new FileRegistry(dir.resolve("reg"))) {
            install(registry, "Contoso.Notes", "Contoso Notes", "1.0");
            Recorder gateway = new Recorder(scheduler);
            InventoryWorkload w = workload(registry, scheduler, gateway);
            w.start();
            assertEquals(List.of("full@0h:1"), gateway.sent, "the first run is a full inventory");
            assertEquals(Optional.of(T0.plus(Duration.ofHours(24))), w.nextRun());

            install(registry, "Contoso.Paint", "Contoso Paint", "2.0");
            scheduler.advanceBy(Duration.ofDays(7).plusHours(1));
            assertEquals(List.of("full@0h:1", "delta@24h:1", "delta@48h:0", "delta@72h:0", "delta@96h:0",
                    "delta@120h:0", "delta@144h:0", "full@168h:2"), gateway.sent);
            assertEquals(Optional.of(T0.plus(Duration.ofHours(192))), w.nextRun());
            w.stop();
            assertEquals(Optional.empty(), w.nextRun());
            assertEquals(List.of(), scheduler.pending(), "stop leaves no timer behind");
        }
    }

    @Test
    void aRestartDeltasAtStartAndKeepsTheDueTimesOfTheRegistry() {
        ManualScheduler first = new ManualScheduler(T0);
        Recorder gateway = new Recorder(first);
        try (FileRegistry registry = new FileRegistry(dir.resolve("reg"))) {
            install(registry, "Contoso.Notes", "Contoso Notes", "1.0");
            InventoryWorkload w = workload(registry, first, gateway);
            w.start();
            first.advanceBy(Duration.ofHours(30)); // the delta at 24 h
            w.stop();
        }
        assertEquals(List.of("full@0h:1", "delta@24h:0"), gateway.sent);

        // the service comes back 6 days and 6 hours after the first full inventory
        ManualScheduler second = new ManualScheduler(T0.plus(Duration.ofHours(150)));
        gateway = new Recorder(second);
        try (FileRegistry registry = new FileRegistry(dir.resolve("reg"))) {
            install(registry, "Contoso.Paint", "Contoso Paint", "2.0");
            InventoryWorkload w = workload(registry, second, gateway);
            w.start();
            assertEquals(List.of("delta@150h:1"), gateway.sent, "a delta at service start, not a full one");
            // the full inventory is due 7 days after the one the registry remembers, before the next delta
            assertEquals(Optional.of(T0.plus(Duration.ofDays(7))), w.nextRun());
            second.advanceTo(T0.plus(Duration.ofDays(7)));
            assertEquals(List.of("delta@150h:1", "full@168h:2"), gateway.sent);
            w.stop();
        }
    }

    @Test
    void aFailedUploadKeepsTheBaselineAndIsRetriedAnHourLater() {
        ManualScheduler scheduler = new ManualScheduler(T0);
        try (FileRegistry registry = new FileRegistry(dir.resolve("reg"))) {
            install(registry, "Contoso.Notes", "Contoso Notes", "1.0");
            Recorder gateway = new Recorder(scheduler);
            gateway.failuresToCome = 2;
            InventoryWorkload w = workload(registry, scheduler, gateway);
            InventoryStore store = new InventoryStore(registry, ImeLayout.standard());
            w.start();
            assertFalse(w.lastRun().orElseThrow().uploaded());
            assertFalse(store.firstTimeSwitch(), "nothing was committed");
            assertTrue(store.entries().isEmpty());
            assertEquals(Optional.of(T0.plus(InventoryWorkload.RETRY_AFTER_FAILURE)), w.nextRun());

            scheduler.advanceBy(Duration.ofHours(1)); // fails again
            scheduler.advanceBy(Duration.ofHours(1));
            assertEquals(List.of("full@2h:1"), gateway.sent, "still a full inventory: the first was never accepted");
            assertTrue(store.firstTimeSwitch());
            assertEquals(1, store.entries().size());
            assertEquals(Optional.of(T0.plus(Duration.ofHours(26))), w.nextRun());
            w.stop();
        }
    }

    @Test
    void deletingFirstTimeSwitchMakesTheNextRunFullAndRunNowReArmsTheTimer() throws Exception {
        ManualScheduler scheduler = new ManualScheduler(T0);
        try (FileRegistry registry = new FileRegistry(dir.resolve("reg"))) {
            install(registry, "Contoso.Notes", "Contoso Notes", "1.0");
            Recorder gateway = new Recorder(scheduler);
            InventoryWorkload w = workload(registry, scheduler, gateway);
            w.start();
            new InventoryStore(registry, ImeLayout.standard()).clearFirstTimeSwitch();
            scheduler.advanceBy(Duration.ofHours(24));
            assertEquals(List.of("full@0h:1", "full@24h:1"), gateway.sent);

            scheduler.advanceBy(Duration.ofHours(3));
            InventoryCollector.Outcome o = w.runNow(false).get();
            assertEquals(DELTA, o.kind());
            assertEquals(Optional.of(T0.plus(Duration.ofHours(27 + 24))), w.nextRun(), "counted from the run just done");
            assertEquals(FULL, w.runNow(true).get().kind());
            assertEquals(List.of("full@0h:1", "full@24h:1", "delta@27h:0", "full@27h:1"), gateway.sent);
            assertEquals(1, scheduler.pending().size(), "one timer, however many runs");
            w.stop();
            assertTrue(w.runNow(false).isCompletedExceptionally());
        }
    }

    @Test
    void logsInWin32AppInventoryInTheImesStyle() {
        ManualScheduler scheduler = new ManualScheduler(T0);
        try (FileRegistry registry = new FileRegistry(dir.resolve("reg"));
             org.imelab.agent.testing.LogCapture log = new org.imelab.agent.testing.LogCapture("ime.Win32AppInventory")) {
            install(registry, "Contoso.Notes", "Contoso Notes", "1.0");
            Recorder gateway = new Recorder(scheduler);
            gateway.failuresToCome = 1;
            InventoryWorkload w = workload(registry, scheduler, gateway);
            w.start();
            scheduler.advanceBy(Duration.ofHours(1));
            w.stop();
            assertEquals(List.of(
                    "[Win32AppInventory] Starting full inventory.",
                    "[Win32AppInventory] Collected 1 installed applications. Added: 1, changed: 0, removed: 0.",
                    "[Win32AppInventory] Failed to send the inventory, the baseline is kept and the next run resends it: HTTP 503 from the gateway",
                    "[Win32AppInventory] Next inventory run at 2026-11-22T09:00:00Z.",
                    "[Win32AppInventory] Starting full inventory.",
                    "[Win32AppInventory] Collected 1 installed applications. Added: 1, changed: 0, removed: 0.",
                    "[Win32AppInventory] Inventory sent and saved. Entries sent: 1.",
                    "[Win32AppInventory] Next inventory run at 2026-11-23T09:00:00Z."), log.messages());
        }
    }
}
