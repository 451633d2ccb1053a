package org.imelab.agent.inventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.imelab.registry.ime.InventoryEntry;
import org.imelab.registry.ime.InventoryStore;

/**
 * The baseline where the IME keeps it: {@code Inventories\{entryId}} and {@code InventorySetting}.
 * The entry's identity is kept as {@code ProgramId}, so the next run compares like with like.
 */
public final class RegistryInventoryBaseline implements InventoryBaseline {
    private final InventoryStore store;

    public RegistryInventoryBaseline(InventoryStore store) {
        this.store = store;
    }

    @Override
    public List<InstalledProgram> load() {
        List<InstalledProgram> out = new ArrayList<>();
        for (InventoryEntry e : store.entries()) {
            if (e.programId() == null || e.name() == null) {
                continue; // not one of ours (or damaged by hand): the next full inventory rewrites it
            }
            out.add(new InstalledProgram(e.programId(), e.name(), e.version(), e.publisher(), e.msiProductCode(),
                    e.language(), e.installDate()));
        }
        return out;
    }

    @Override
    public InventoryCadence.State cadence() {
        return new InventoryCadence.State(store.firstTimeSwitch(), store.lastFullSyncTimeUtc(), store.lastDeltaSyncTimeUtc());
    }

    @Override
    public void commit(InventoryDelta accepted, Instant at) {
        // A full inventory sends everything, but the registry only needs what differs from it.
        InventoryDelta change = accepted.full() ? InventoryDelta.between(load(), accepted.added()) : accepted;
        List<InventoryEntry> upserts = new ArrayList<>();
        change.added().forEach(p -> upserts.add(entry(p)));
        change.changed().forEach(p -> upserts.add(entry(p)));
        List<String> removed = change.removed().stream().map(InstalledProgram::entryId).toList();
        if (accepted.full()) {
            // entries that are not ours (no ProgramId) are dropped by a full inventory as well
            List<String> foreign = store.entries().stream().filter(e -> e.programId() == null || e.name() == null)
                    .map(InventoryEntry::entryId).toList();
            removed = new ArrayList<>(removed);
            removed.addAll(foreign);
        }
        store.commit(upserts, removed, at, accepted.full());
    }

    static InventoryEntry entry(InstalledProgram p) {
        return new InventoryEntry(p.entryId(), p.name(), p.version(), p.publisher(), p.language(), p.identity(),
                p.productCode(), null, p.installDate());
    }
}
