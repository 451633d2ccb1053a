package org.imelab.install.reg;

import java.util.List;
import org.imelab.install.StepContext;
import org.imelab.install.Undo;
import org.imelab.registry.RegPath;
import org.imelab.registry.Registry;
import org.imelab.registry.RegistryView;

/**
 * Reverses a {@link RegistryValuesStep}: values that were new are deleted, overwritten ones get
 * their earlier data back, then the keys the step created are deleted, innermost first, when
 * nothing else has been put in them.
 *
 * @param createdKeys outermost first
 */
public record RegistryUndo(List<Key> createdKeys, List<Change> changes) implements Undo {

    /** A key path as text plus its view. */
    public record Key(String path, RegistryView view) {
        public static Key of(RegPath p) {
            return new Key(p.toString(), p.view());
        }

        public RegPath toPath() {
            return RegPath.parse(path, view);
        }
    }

    /** One value and what it held before ({@code before} null: it did not exist). */
    public record Change(Key key, String name, StoredValue before) {
    }

    public RegistryUndo {
        createdKeys = List.copyOf(createdKeys);
        changes = List.copyOf(changes);
    }

    @Override
    public void revert(StepContext ctx) {
        Registry reg = ctx.registry();
        for (int i = changes.size() - 1; i >= 0; i--) {
            Change c = changes.get(i);
            if (c.before() == null) {
                reg.deleteValue(c.key().toPath(), c.name());
            } else {
                reg.put(c.key().toPath(), c.name(), c.before().toValue());
            }
        }
        for (int i = createdKeys.size() - 1; i >= 0; i--) {
            RegPath key = createdKeys.get(i).toPath();
            if (reg.exists(key) && reg.values(key).isEmpty() && reg.subKeys(key).isEmpty()) {
                reg.deleteTree(key);
            }
        }
    }
}
