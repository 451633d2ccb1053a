package org.imelab.agent.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What changed between the last inventory the service accepted (the baseline) and now. A full
 * inventory is the delta against an empty baseline, flagged as full so the service replaces its
 * list instead of patching it.
 */
public record InventoryDelta(boolean full, List<InstalledProgram> added, List<InstalledProgram> changed,
        List<InstalledProgram> removed) {

    public InventoryDelta {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }

    public int size() {
        return added.size() + changed.size() + removed.size();
    }

    /**
     * Compares by entry (the entry id is a function of the case-folded identity, so the identity
     * is compared directly: no digest per entry); linear in the sizes of both lists.
     */
    public static InventoryDelta between(Collection<InstalledProgram> baseline, Collection<InstalledProgram> current) {
        Map<String, InstalledProgram> before = new HashMap<>(baseline.size() * 2);
        for (InstalledProgram p : baseline) {
            before.put(p.identity().toLowerCase(Locale.ROOT), p);
        }
        List<InstalledProgram> added = new ArrayList<>();
        List<InstalledProgram> changed = new ArrayList<>();
        for (InstalledProgram now : current) {
            InstalledProgram was = before.remove(now.identity().toLowerCase(Locale.ROOT));
            if (was == null) {
                added.add(now);
            } else if (was.differsFrom(now)) {
                changed.add(now);
            }
        }
        return new InventoryDelta(false, added, changed, new ArrayList<>(before.values()));
    }

    /** Everything, for a full inventory. */
    public static InventoryDelta full(Collection<InstalledProgram> current) {
        return new InventoryDelta(true, new ArrayList<>(current), List.of(), List.of());
    }
}
