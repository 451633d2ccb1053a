package org.imelab.registry.ime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;

/**
 * Win32 app results waiting for the service, under imelab's own key
 * ({@code HKLM\SOFTWARE\imelab\PendingReports\{scope}}, one REG_SZ per app id holding the result as
 * it is sent). Kept from the moment a result is queued until the service takes it, so neither a
 * gateway outage nor a restart loses one. The real agent keeps its report queue in places no
 * public source describes; this is imelab's.
 */
public final class PendingReportStore {
    /** One waiting result: the scope, the app and the report's text (opaque to the store). */
    public record Pending(Scope scope, String appId, String report) {
        public Pending {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(appId, "appId");
            Objects.requireNonNull(report, "report");
        }
    }

    private final Registry registry;
    private final RegPath root;

    public PendingReportStore(Registry registry, ImeLayout layout) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.root = layout.labPendingReports();
    }

    /** Every waiting result, scope by scope. Values that are not text (edited by hand) are left out. */
    public List<Pending> all() {
        List<Pending> out = new ArrayList<>();
        for (String scopeName : registry.subKeys(root)) {
            Optional<Scope> scope = Scope.parse(scopeName);
            if (scope.isEmpty()) {
                continue;
            }
            for (Map.Entry<String, RegValue> v : registry.values(root.child(scopeName)).entrySet()) {
                if (v.getValue() instanceof RegValue.Sz sz && !sz.value().isBlank()) {
                    out.add(new Pending(scope.get(), v.getKey(), sz.value()));
                }
            }
        }
        return out;
    }

    /** Records (or replaces) the app's waiting result. */
    public void put(Pending p) {
        registry.put(root.child(p.scope().id()), p.appId(), RegValue.sz(p.report()));
    }

    /**
     * Removes delivered results in one batch; a result replaced since it was sent (a newer one for
     * the same app) stays, as it has not been delivered.
     */
    public void removeDelivered(Collection<Pending> delivered) {
        List<RegOp> ops = new ArrayList<>();
        for (Pending p : delivered) {
            RegPath key = root.child(p.scope().id());
            if (registry.get(key, p.appId()).equals(Optional.of(RegValue.sz(p.report())))) {
                ops.add(new RegOp.DeleteValue(key, p.appId()));
            }
        }
        if (!ops.isEmpty()) {
            registry.apply(ops);
        }
    }
}
