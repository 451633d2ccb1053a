package org.imelab.agent.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;
import org.imelab.registry.ime.ImeLayout;
import org.imelab.registry.ime.InventoryStore;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.Test;

class RegistryInventoryBaselineTest {
    static final Instant T = Instant.parse("2026-11-22T08:00:00Z");

    /** Counts value writes and key deletions that reach the registry. */
    static final class CountingRegistry implements Registry {
        final MemoryRegistry inner = new MemoryRegistry();
        final AtomicInteger puts = new AtomicInteger();
        final AtomicInteger deletes = new AtomicInteger();

        @Override public Optional<RegValue> get(RegPath key, String name) { return inner.get(key, name); }
        @Override public Map<String, RegValue> values(RegPath key) { return inner.values(key); }
        @Override public List<String> subKeys(RegPath key) { return inner.subKeys(key); }
        @Override public boolean exists(RegPath key) { return inner.exists(key); }
        @Override public void createKey(RegPath key) { apply(List.of(new RegOp.CreateKey(key))); }
        @Override public void put(RegPath key, String name, RegValue value) { apply(List.of(new RegOp.Put(key, name, value))); }
        @Override public boolean deleteValue(RegPath key, String name) { return inner.deleteValue(key, name); }
        @Override public boolean deleteTree(RegPath key) { deletes.incrementAndGet(); return inner.deleteTree(key); }

        @Override
        public void apply(List<RegOp> ops) {
            for (RegOp op : ops) {
                if (op instanceof RegOp.Put) {
                    puts.incrementAndGet();
                } else if (op instanceof RegOp.DeleteTree) {
                    deletes.incrementAndGet();
                }
            }
            inner.apply(ops);
        }
    }

    final CountingRegistry registry = new CountingRegistry();
    final InventoryStore store = new InventoryStore(registry, ImeLayout.standard());
    final RegistryInventoryBaseline baseline = new RegistryInventoryBaseline(store);

    static InstalledProgram p(int i, String version) {
        return new InstalledProgram("HKLM64\\App" + i, "App " + i, version, "Contoso", "{GUID-" + i + "}", "1033", "20261101");
    }

    @Test
    void roundTripsEveryComparedField() {
        List<InstalledProgram> list = List.of(p(1, "1.0"), p(2, "2.0"));
        baseline.commit(InventoryDelta.full(list), T);
        assertEquals(new HashSet<>(list), new HashSet<>(baseline.load()));
        assertTrue(InventoryDelta.between(baseline.load(), list).isEmpty());
        assertEquals(new InventoryCadence.State(true, Optional.of(T), Optional.empty()), baseline.cadence());
    }

    @Test
    void aDeltaWritesOnlyTheChangedEntries() {
        List<InstalledProgram> list = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            list.add(p(i, "1.0"));
        }
        baseline.commit(InventoryDelta.full(list), T);
        registry.puts.set(0);
        registry.deletes.set(0);

        List<InstalledProgram> now = new ArrayList<>(list);
        now.set(3, p(3, "1.1"));
        now.remove(7);
        baseline.commit(InventoryDelta.between(baseline.load(), now), T.plusSeconds(86_400));

        // one changed entry: 7 values (no MsiPackageCode); one timestamp; no other value written
        assertEquals(7 + 1, registry.puts.get());
        assertEquals(2, registry.deletes.get(), "the changed key is rewritten, the removed one deleted");
        assertEquals(499, baseline.load().size());
        assertEquals(Optional.of(T.plusSeconds(86_400)), store.lastDeltaSyncTimeUtc());
    }

    @Test
    void aRepeatedFullInventoryOfAnUnchangedListWritesOnlyItsTimestamps() {
        List<InstalledProgram> list = List.of(p(1, "1.0"), p(2, "2.0"));
        baseline.commit(InventoryDelta.full(list), T);
        registry.puts.set(0);
        baseline.commit(InventoryDelta.full(list), T.plusSeconds(7 * 86_400));
        assertEquals(2, registry.puts.get(), "LastFullSyncTimeUtc and FirstTimeSwitch");
    }

    @Test
    void deletingFirstTimeSwitchForcesAFullInventory() {
        baseline.commit(InventoryDelta.full(List.of(p(1, "1.0"))), T);
        assertTrue(store.clearFirstTimeSwitch());
        assertFalse(baseline.cadence().firstTimeSwitch());
        assertEquals(InventoryCadence.Kind.FULL, InventoryCadence.due(baseline.cadence(), T.plusSeconds(60), false));
    }

    @Test
    void onePercentOfTwentyThousandChangedWritesInProportionToTheChange() {
        List<InstalledProgram> list = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            list.add(p(i, "1.0"));
        }
        baseline.commit(InventoryDelta.full(list), T);
        registry.puts.set(0);
        registry.deletes.set(0);

        // 1 % changed: 67 upgraded, 67 installed, 66 uninstalled
        List<InstalledProgram> now = new ArrayList<>(list);
        for (int i = 0; i < 67; i++) {
            now.set(i * 300, p(i * 300, "2.0"));
            now.add(p(30_000 + i, "1.0"));
        }
        for (int i = 0; i < 66; i++) {
            now.remove(now.size() / 2);
        }
        InventoryDelta delta = InventoryDelta.between(baseline.load(), now);
        assertEquals(200, delta.size());
        baseline.commit(delta, T.plusSeconds(86_400));

        int written = registry.puts.get() + registry.deletes.get();
        System.out.printf("1 %% of 20,000 changed: %d value writes, %d key deletions (%d per changed entry)%n",
                registry.puts.get(), registry.deletes.get(), written / delta.size());
        // 7 values per added or changed entry (its key cleared first, so no stale value survives),
        // one key deletion per removed entry, one timestamp: nothing for the 19,800 unchanged ones
        assertEquals(134 * 7 + 1, registry.puts.get());
        assertEquals(134 + 66, registry.deletes.get());
        assertEquals(20_001, baseline.load().size());
    }
}
