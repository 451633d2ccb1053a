package org.imelab.agent.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InventoryCollectorTest {

    /** A baseline held in memory, with the same commit semantics as the registry one. */
    static final class InMemoryBaseline implements InventoryBaseline {
        final Map<String, InstalledProgram> entries = new HashMap<>();
        boolean firstTimeSwitch;
        Instant lastFull;
        Instant lastDelta;
        int writes;

        @Override public List<InstalledProgram> load() { return new ArrayList<>(entries.values()); }

        @Override
        public InventoryCadence.State cadence() {
            return new InventoryCadence.State(firstTimeSwitch, Optional.ofNullable(lastFull), Optional.ofNullable(lastDelta));
        }

        @Override
        public void commit(InventoryDelta d, Instant at) {
            if (d.full()) {
                writes += entries.size();
                entries.clear();
                firstTimeSwitch = true;
                lastFull = at;
            } else {
                lastDelta = at;
            }
            d.removed().forEach(p -> entries.remove(p.entryId()));
            d.added().forEach(p -> entries.put(p.entryId(), p));
            d.changed().forEach(p -> entries.put(p.entryId(), p));
            writes += d.size();
        }
    }

    static final class RecordingUploader implements InventoryUploader {
        final List<InventoryDelta> sent = new ArrayList<>();
        boolean failNext;

        @Override
        public void upload(InventoryDelta delta) throws InventoryUploadException {
            if (failNext) {
                failNext = false;
                throw new InventoryUploadException("gateway returned 503", null);
            }
            sent.add(delta);
        }
    }

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-22T08:00:00Z");
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    final List<InstalledProgram> device = new ArrayList<>();
    final InMemoryBaseline baseline = new InMemoryBaseline();
    final RecordingUploader uploader = new RecordingUploader();
    final MutableClock clock = new MutableClock();
    final InventoryCollector collector = new InventoryCollector(() -> List.copyOf(device), baseline, uploader, clock);

    static InstalledProgram p(String id, String version) {
        return new InstalledProgram(id, "App " + id, version, "Contoso", "", "", "");
    }

    @Test
    void firstRunIsFullThenDeltasAtStartAndDaily() {
        device.add(p("a", "1"));
        assertEquals(InventoryCadence.Kind.FULL, collector.run(true, false).kind());
        assertTrue(uploader.sent.get(0).full());

        clock.now = clock.now.plus(Duration.ofHours(1));
        device.add(p("b", "1"));
        InventoryCollector.Outcome o = collector.run(false, false);
        assertEquals(InventoryCadence.Kind.NONE, o.kind(), "not yet 24 h");

        clock.now = clock.now.plus(Duration.ofHours(23));
        o = collector.run(false, false);
        assertEquals(InventoryCadence.Kind.DELTA, o.kind());
        assertEquals(List.of(p("b", "1")), o.delta().added());
        assertTrue(o.delta().changed().isEmpty() && o.delta().removed().isEmpty());
    }

    @Test
    void aFailedUploadKeepsTheBaselineAndTheNextRunResends() {
        device.add(p("a", "1"));
        collector.run(true, false);
        clock.now = clock.now.plus(Duration.ofDays(1));
        device.set(0, p("a", "2"));
        uploader.failNext = true;

        InventoryCollector.Outcome failed = collector.run(false, false);
        assertFalse(failed.uploaded());
        assertEquals("1", baseline.entries.values().iterator().next().version(), "baseline not advanced");

        InventoryCollector.Outcome retried = collector.run(false, false);
        assertTrue(retried.uploaded());
        assertEquals(List.of(p("a", "2")), retried.delta().changed());
    }

    @Test
    void writesFollowTheChangeNotTheList() {
        for (int i = 0; i < 1000; i++) {
            device.add(p("app" + i, "1"));
        }
        collector.run(true, false);
        int afterFull = baseline.writes;
        clock.now = clock.now.plus(Duration.ofDays(1));
        device.set(5, p("app5", "2"));
        device.remove(10);
        collector.run(false, false);
        assertEquals(2, baseline.writes - afterFull);
    }

    @Test
    void fullEverySevenDays() {
        device.add(p("a", "1"));
        collector.run(true, false);
        clock.now = clock.now.plus(Duration.ofDays(7));
        assertEquals(InventoryCadence.Kind.FULL, collector.run(false, false).kind());
    }
}
