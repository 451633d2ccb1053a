package org.imelab.registry.ime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;

/**
 * The Global Re-evaluation Schedule, {@code Win32Apps\{scope}\GRS\{hash}}: one REG_SZ value per app
 * of the subgraph, named by the app id, holding the time it entered the GRS. Whether an entry has
 * expired is the app engine's decision; this class only keeps the times. Hash keys whose name is
 * not a hash, values whose name is not an app id or whose data is not a time are skipped.
 */
public final class GrsStore {
    private final Registry registry;
    private final ImeLayout layout;

    public GrsStore(Registry registry, ImeLayout layout) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    /** Every readable entry of a scope, in registry order. */
    public List<GrsEntry> entries(Scope scope) {
        List<GrsEntry> out = new ArrayList<>();
        for (String name : registry.subKeys(layout.grs(scope))) {
            SubgraphHash.parse(name).ifPresent(hash -> out.addAll(entries(scope, hash)));
        }
        return out;
    }

    /** The readable entries of one subgraph. */
    public List<GrsEntry> entries(Scope scope, SubgraphHash hash) {
        List<GrsEntry> out = new ArrayList<>();
        for (Map.Entry<String, RegValue> e : registry.values(layout.grs(scope, hash)).entrySet()) {
            if (!Guids.isGuid(e.getKey())) {
                continue;
            }
            RegValues.time(Optional.of(e.getValue()))
                    .ifPresent(t -> out.add(new GrsEntry(scope, hash, e.getKey(), t)));
        }
        return out;
    }

    /**
     * The app's entry; when several subgraphs hold it (the app moved to a new subgraph), the
     * latest. Empty means the app "has no recorded GRS value which will be treated as expired".
     */
    public Optional<GrsEntry> find(Scope scope, String appId) {
        String id = Guids.require(appId, "An app id");
        return entries(scope).stream()
                .filter(e -> e.appId().equals(id))
                .max(Comparator.comparing(GrsEntry::enteredUtc));
    }

    /** The entry of an app within one subgraph. */
    public Optional<GrsEntry> find(Scope scope, SubgraphHash hash, String appId) {
        String id = Guids.require(appId, "An app id");
        return entries(scope, hash).stream().filter(e -> e.appId().equals(id)).findFirst();
    }

    /** Records (or resets) the time the given apps of a subgraph entered the GRS, in one batch. */
    public void put(Scope scope, SubgraphHash hash, Collection<String> appIds, Instant enteredUtc) {
        RegPath key = layout.grs(scope, hash);
        List<RegOp> ops = new ArrayList<>();
        for (String appId : appIds) {
            ops.add(new RegOp.Put(key, Guids.require(appId, "An app id"), RegValue.sz(ImeTime.format(enteredUtc))));
        }
        if (!ops.isEmpty()) {
            registry.apply(ops);
        }
    }

    /** Records (or resets) one app's entry. */
    public void put(Scope scope, SubgraphHash hash, String appId, Instant enteredUtc) {
        put(scope, hash, List.of(appId), enteredUtc);
    }

    /**
     * Removes an app's entries from every subgraph of the scope, and the subgraph keys left empty;
     * returns whether there was anything to remove.
     */
    public boolean remove(Scope scope, String appId) {
        List<RegOp> ops = removeOps(scope, appId, false);
        if (ops.isEmpty()) {
            return false;
        }
        registry.apply(ops);
        return true;
    }

    /** Deletes a subgraph's key, as reset scripts do; false when it was not there. */
    public boolean removeSubgraph(Scope scope, SubgraphHash hash) {
        return registry.deleteTree(layout.grs(scope, hash));
    }

    /** The hashes of the subgraphs holding an app. */
    public List<SubgraphHash> subgraphsOf(Scope scope, String appId) {
        String id = Guids.require(appId, "An app id");
        List<SubgraphHash> out = new ArrayList<>();
        for (String name : registry.subKeys(layout.grs(scope))) {
            SubgraphHash.parse(name).ifPresent(hash -> {
                if (registry.values(layout.grs(scope, hash)).keySet().stream().anyMatch(id::equalsIgnoreCase)) {
                    out.add(hash);
                }
            });
        }
        return out;
    }

    /**
     * The changes that take an app out of the GRS: its values (or, with {@code wholeSubgraphs},
     * the keys of every subgraph holding it, as reset scripts do), and keys left empty.
     */
    List<RegOp> removeOps(Scope scope, String appId, boolean wholeSubgraphs) {
        String id = Guids.require(appId, "An app id");
        List<RegOp> ops = new ArrayList<>();
        for (SubgraphHash hash : subgraphsOf(scope, id)) {
            RegPath key = layout.grs(scope, hash);
            Map<String, RegValue> values = registry.values(key);
            boolean onlyThisApp = values.keySet().stream().allMatch(id::equalsIgnoreCase)
                    && registry.subKeys(key).isEmpty();
            if (wholeSubgraphs || onlyThisApp) {
                ops.add(new RegOp.DeleteTree(key));
            } else {
                for (String name : values.keySet()) {
                    if (name.equalsIgnoreCase(id)) {
                        ops.add(new RegOp.DeleteValue(key, name));
                    }
                }
            }
        }
        return ops;
    }
}
