package org.imelab.agent.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InventoryDeltaTest {

    static InstalledProgram p(String id, String name, String version) {
        return new InstalledProgram(id, name, version, "Contoso", "", "1033", "20261101");
    }

    @Test
    void installUninstallAndUpgradeAreAddedRemovedAndChanged() {
        List<InstalledProgram> before = List.of(p("A", "Alpha", "1.0"), p("B", "Beta", "2.0"), p("C", "Gamma", "3.0"));
        List<InstalledProgram> after = List.of(p("A", "Alpha", "1.0"), p("B", "Beta", "2.1"), p("D", "Delta", "1.0"));

        InventoryDelta d = InventoryDelta.between(before, after);

        assertEquals(List.of(p("D", "Delta", "1.0")), d.added());
        assertEquals(List.of(p("B", "Beta", "2.1")), d.changed());
        assertEquals(List.of(p("C", "Gamma", "3.0")), d.removed());
        assertEquals(3, d.size());
    }

    @Test
    void nothingChangedIsEmpty() {
        List<InstalledProgram> list = List.of(p("A", "Alpha", "1.0"));
        assertTrue(InventoryDelta.between(list, List.of(p("a", "Alpha", "1.0"))).isEmpty(),
                "identity compares without case, like the registry key names it comes from");
    }

    /** Property: applying any delta to the baseline gives exactly the current list. */
    @Test
    void applyingTheDeltaToTheBaselineGivesTheCurrentList() {
        Random random = new Random(42);
        Map<String, InstalledProgram> device = new HashMap<>();
        Map<String, InstalledProgram> service = new HashMap<>();
        for (int round = 0; round < 200; round++) {
            int ops = random.nextInt(6);
            for (int i = 0; i < ops; i++) {
                String id = "app" + random.nextInt(30);
                switch (random.nextInt(3)) {
                    case 0 -> device.put(id, p(id, "Name " + id, "1." + random.nextInt(5)));
                    case 1 -> device.remove(id);
                    default -> device.computeIfPresent(id, (k, v) -> p(k, v.name(), "2." + random.nextInt(5)));
                }
            }
            InventoryDelta delta = round % 17 == 0
                    ? InventoryDelta.full(device.values())
                    : InventoryDelta.between(service.values(), device.values());
            if (delta.full()) {
                service.clear();
            }
            delta.removed().forEach(r -> service.remove(r.entryId()));
            delta.added().forEach(a -> service.put(a.entryId(), a));
            delta.changed().forEach(c -> service.put(c.entryId(), c));
            Map<String, InstalledProgram> expected = new HashMap<>();
            device.values().forEach(v -> expected.put(v.entryId(), v));
            assertEquals(expected, service, "round " + round);
        }
    }

    @Test
    void entryIdIsStableAcrossVersions() {
        assertEquals(p("HKLM64\\{X}", "A", "1").entryId(), p("HKLM64\\{x}", "A", "2").entryId());
        assertEquals(36, p("id", "A", "1").entryId().length());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ids.add(p("id" + i, "A", "1").entryId());
        }
        assertEquals(100, ids.stream().distinct().count());
    }
}
