package org.imelab.registry.ime;

import java.time.Instant;
import java.util.ArrayList;
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
                    text(v, ImeLayout.MSI_PRODUCT_CODE), text(v, ImeLayout.MSI_PACKAGE_CODE)));
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
        ops.add(new RegOp.Put(layout.inventorySetting(), ImeLayout.LAST_FULL_SYNC_TIME_UTC, RegValue.sz(ImeTime.format(now))));
        ops.add(new RegOp.Put(layout.inventorySetting(), ImeLayout.FIRST_TIME_SWITCH, RegValue.dword(1)));
        registry.apply(ops);
    }

    /** A delta inventory: replaces the result and stamps {@code LastDeltaSyncTimeUtc}, in one batch. */
    public void recordDeltaSync(List<InventoryEntry> result, Instant now) {
        List<RegOp> ops = replaceOps(result);
        ops.add(new RegOp.Put(layout.inventorySetting(), ImeLayout.LAST_DELTA_SYNC_TIME_UTC, RegValue.sz(ImeTime.format(now))));
        registry.apply(ops);
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
            RegPath key = layout.inventory(e.entryId());
            ops.add(new RegOp.CreateKey(key));
            put(ops, key, ImeLayout.NAME, e.name());
            put(ops, key, ImeLayout.VERSION, e.version());
            put(ops, key, ImeLayout.PUBLISHER, e.publisher());
            put(ops, key, ImeLayout.LANGUAGE, e.language());
            put(ops, key, ImeLayout.PROGRAM_ID, e.programId());
            put(ops, key, ImeLayout.MSI_PRODUCT_CODE, e.msiProductCode());
            put(ops, key, ImeLayout.MSI_PACKAGE_CODE, e.msiPackageCode());
        }
        return ops;
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
