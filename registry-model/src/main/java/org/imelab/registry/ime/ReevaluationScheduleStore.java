package org.imelab.registry.ime;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;

/**
 * The time each subgraph was last re-evaluated (the agent's "previous subgraph reevaluation time
 * value ... at key {hash}"), one value per hash under imelab's own key
 * ({@code {labRoot}\Win32Apps\{scope}\Reevaluation}), since the real location is not public.
 */
public final class ReevaluationScheduleStore {
    private final Registry registry;
    private final ImeLayout layout;

    public ReevaluationScheduleStore(Registry registry, ImeLayout layout) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    public Optional<Instant> lastReevaluation(Scope scope, SubgraphHash hash) {
        return RegValues.time(registry.get(layout.labReevaluation(scope), hash.value()));
    }

    /** Every readable entry of a scope. */
    public Map<SubgraphHash, Instant> all(Scope scope) {
        Map<SubgraphHash, Instant> out = new LinkedHashMap<>();
        registry.values(layout.labReevaluation(scope)).forEach((name, value) ->
                SubgraphHash.parse(name).ifPresent(hash ->
                        RegValues.time(Optional.of(value)).ifPresent(t -> out.put(hash, t))));
        return out;
    }

    public void put(Scope scope, SubgraphHash hash, Instant evaluatedUtc) {
        registry.put(layout.labReevaluation(scope), hash.value(), RegValue.sz(ImeTime.format(evaluatedUtc)));
    }

    public boolean remove(Scope scope, SubgraphHash hash) {
        return registry.deleteValue(layout.labReevaluation(scope), hash.value());
    }
}
