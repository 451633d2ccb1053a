package org.imelab.registry.ime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;

/**
 * Inventory state: {@code InventorySetting} ({@code FirstTimeSwitch}, {@code LastFullSyncTimeUtc},
 * {@code LastDeltaSyncTimeUtc}) and the last result under {@code Inventories\{entryId}}, which the
 * next run diffs against to send only the delta. Deleting {@code FirstTimeSwitch} forces a full
 * inventory, as on a device.
 */
public final class InventoryStore {
    private final Registry registry;
    private final ImeLayout layout;

    public InventoryStore(Registry registry, ImeLayout layout) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    /** Whether a first full inventory was recorded (the value is there, whatever its type). */
    public boolean firstTimeSwitch() {
        return registry.get(layout.inventorySetting(), ImeLayout.FIRST_TIME_SWITCH).isPresent();
    }

    public boolean clearFirstTimeSwitch() {
        return registry.deleteValue(layout.inventorySetting(), ImeLayout.FIRST_TIME_SWITCH);
    }

    public Optional<Instant> lastFullSyncTimeUtc() {
        return RegValues.time(registry.get(layout.inventorySetting(), ImeLayout.LAST_FULL_SYNC_TIME_UTC));
    }

    public Optional<Instant> lastDeltaSyncTimeUtc() {
        return RegValues.time(registry.get(layout.inventorySetting(), ImeLayout.LAST_DELTA_SYNC_TIME_UTC));
    }

    /** The last result, in registry order. */
    public List<InventoryEntry> entries() {
        List<InventoryEntry> out = new ArrayList<>();
        for (String id : registry.subKeys(layout.inventories())) {
            Map<String, RegValue> v = registry.values(layout.inventory(id));
            out.add(new InventoryEntry(id,
                    text(v, ImeLayout.NAME), text(v, ImeLayout.VERSION), text(v, ImeLayout.PUBLISHER),
                    text(v, ImeLayout.LANGUAGE), text(v, ImeLayout.PROGRAM_ID),
                    text(v, ImeLayout.MSI_PRODUCT_CODE), text(v, ImeLayout.MSI_PACKAGE_CODE),
                    text(v, ImeLayout.INSTALL_DATE)));
        }
        return out;
    }

    /** The entry with this name (e.g. {@code Microsoft Intune Management Extension}), if any. */
    public Optional<InventoryEntry> byName(String name) {
        return entries().stream().filter(e -> name.equalsIgnoreCase(e.name())).findFirst();
    }

    /** A full inventory: replaces the result, stamps {@code LastFullSyncTimeUtc} and sets {@code FirstTimeSwitch}, in one batch. */
    public void recordFullSync(List<InventoryEntry> result, Instant now) {
        List<RegOp> ops = replaceOps(result);
        stamp(ops, now, true);
        registry.apply(ops);
    }

    /** A delta inventory: replaces the result and stamps {@code LastDeltaSyncTimeUtc}, in one batch. */
    public void recordDeltaSync(List<InventoryEntry> result, Instant now) {
        List<RegOp> ops = replaceOps(result);
        stamp(ops, now, false);
        registry.apply(ops);
    }

    /**
     * Records an accepted upload by writing only what changed, so registry writes follow the
     * change, not the list: each added or changed entry is rewritten whole, each removed entry's
     * key deleted, and the run stamped (a full run: {@code LastFullSyncTimeUtc} and
     * {@code FirstTimeSwitch}; a delta: {@code LastDeltaSyncTimeUtc}). One batch.
     */
    public void commit(Collection<InventoryEntry> addedOrChanged, Collection<String> removedEntryIds,
            Instant at, boolean full) {
        List<RegOp> ops = new ArrayList<>();
        ops.add(new RegOp.CreateKey(layout.inventories()));
        Set<String> seen = new TreeSet<>();
        for (InventoryEntry e : addedOrChanged) {
            if (!seen.add(e.entryId().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("Two inventory entries share the id '" + e.entryId() + "'");
            }
            ops.add(new RegOp.DeleteTree(layout.inventory(e.entryId()))); // no stale values survive a change
            entryOps(ops, e);
        }
        for (String id : removedEntryIds) {
            if (!seen.add(id.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("Inventory entry '" + id + "' is both changed and removed");
            }
            ops.add(new RegOp.DeleteTree(layout.inventory(InventoryEntry.of(id, null, null, null).entryId())));
        }
        stamp(ops, at, full);
        registry.apply(ops);
    }

    private void stamp(List<RegOp> ops, Instant at, boolean full) {
        RegPath setting = layout.inventorySetting();
        if (full) {
            ops.add(new RegOp.Put(setting, ImeLayout.LAST_FULL_SYNC_TIME_UTC, RegValue.sz(ImeTime.format(at))));
            ops.add(new RegOp.Put(setting, ImeLayout.FIRST_TIME_SWITCH, RegValue.dword(1)));
        } else {
            ops.add(new RegOp.Put(setting, ImeLayout.LAST_DELTA_SYNC_TIME_UTC, RegValue.sz(ImeTime.format(at))));
        }
    }

    private List<RegOp> replaceOps(List<InventoryEntry> result) {
        Set<String> seen = new TreeSet<>();
        List<RegOp> ops = new ArrayList<>();
        ops.add(new RegOp.DeleteTree(layout.inventories()));
        ops.add(new RegOp.CreateKey(layout.inventories()));
        for (InventoryEntry e : result) {
            if (!seen.add(e.entryId().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("Two inventory entries share the id '" + e.entryId() + "'");
            }
            entryOps(ops, e);
        }
        return ops;
    }

    private void entryOps(List<RegOp> ops, InventoryEntry e) {
        RegPath key = layout.inventory(e.entryId());
        ops.add(new RegOp.CreateKey(key));
        put(ops, key, ImeLayout.NAME, e.name());
        put(ops, key, ImeLayout.VERSION, e.version());
        put(ops, key, ImeLayout.PUBLISHER, e.publisher());
        put(ops, key, ImeLayout.LANGUAGE, e.language());
        put(ops, key, ImeLayout.PROGRAM_ID, e.programId());
        put(ops, key, ImeLayout.MSI_PRODUCT_CODE, e.msiProductCode());
        put(ops, key, ImeLayout.MSI_PACKAGE_CODE, e.msiPackageCode());
        put(ops, key, ImeLayout.INSTALL_DATE, e.installDate());
    }

    private static void put(List<RegOp> ops, RegPath key, String name, String value) {
        if (value != null) {
            ops.add(new RegOp.Put(key, name, RegValue.sz(value)));
        }
    }

    private static String text(Map<String, RegValue> values, String name) {
        for (Map.Entry<String, RegValue> e : values.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return RegValues.string(Optional.of(e.getValue())).orElse(null);
            }
        }
        return null;
    }
}
