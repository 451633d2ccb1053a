package org.imelab.install.reg;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.imelab.install.InstallStep;
import org.imelab.install.StepContext;
import org.imelab.install.Undo;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;

/**
 * Writes a set of registry values as one batch, remembering which keys it created and what each
 * value held before, so that the undo takes out exactly what was added and puts back what was
 * overwritten.
 */
public final class RegistryValuesStep implements InstallStep {

    /** One value to write; {@code name} "" is the key's default value. */
    public record Value(RegPath key, String name, RegValue value) {
        public Value {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    private final String name;
    private final List<Value> values;

    public RegistryValuesStep(String name, List<Value> values) {
        this.name = name;
        this.values = List.copyOf(values);
    }

    public List<Value> values() {
        return values;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isDone(StepContext ctx) {
        Registry reg = ctx.registry();
        return values.stream().allMatch(v -> reg.get(v.key(), v.name()).filter(v.value()::equals).isPresent());
    }

    @Override
    public Undo apply(StepContext ctx) {
        Registry reg = ctx.registry();
        LinkedHashSet<RegPath> created = new LinkedHashSet<>();
        for (Value v : values) {
            List<RegPath> missing = new ArrayList<>();
            for (RegPath p = v.key(); !p.isRoot() && !reg.exists(p); p = p.parent()) {
                missing.add(0, p);
            }
            created.addAll(missing);
        }
        List<RegistryUndo.Change> changes = new ArrayList<>();
        List<RegOp> ops = new ArrayList<>();
        for (Value v : values) {
            Optional<RegValue> prior = reg.get(v.key(), v.name());
            changes.add(new RegistryUndo.Change(RegistryUndo.Key.of(v.key()), v.name(), prior.map(StoredValue::of).orElse(null)));
            ops.add(new RegOp.Put(v.key(), v.name(), v.value()));
        }
        reg.apply(ops);
        return new RegistryUndo(created.stream().map(RegistryUndo.Key::of).toList(), changes);
    }
}
