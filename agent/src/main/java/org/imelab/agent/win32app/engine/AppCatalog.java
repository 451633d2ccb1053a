package org.imelab.agent.win32app.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;
import org.imelab.registry.ime.ImeLayout;
import org.imelab.registry.ime.Scope;
import org.imelab.registry.ime.Win32AppKey;

/**
 * What {@code imelab apps} shows beside the state the agent records: each app's name, intent and
 * re-evaluation interval from its last policy, under imelab's own key
 * ({@code {labRoot}\Win32Apps\{scope}\AppInfo\{appId}_{version}}); written only when they change.
 */
public final class AppCatalog {
    static final String KEY = "AppInfo";

    /** One app's catalogue entry. */
    public record Entry(String name, int intent, int reevaluationMinutes) {
    }

    private final Registry registry;
    private final ImeLayout layout;

    public AppCatalog(Registry registry, ImeLayout layout) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    private RegPath key(Scope scope, Win32AppKey app) {
        return layout.labScope(scope).child(KEY, app.keyName());
    }

    public Optional<Entry> read(Scope scope, Win32AppKey app) {
        RegPath k = key(scope, app);
        Optional<String> name = registry.get(k, "Name").map(v -> v instanceof RegValue.Sz s ? s.value() : null);
        Optional<Integer> intent = registry.get(k, "Intent").map(v -> v instanceof RegValue.Dword d ? d.value() : null);
        Optional<Integer> minutes = registry.get(k, "ReevaluationInterval")
                .map(v -> v instanceof RegValue.Dword d ? d.value() : null);
        if (name.isEmpty() || intent.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Entry(name.get(), intent.get(), minutes.orElse(480)));
    }

    /** Records the entry unless it is already there as it is. */
    public void put(Scope scope, Win32AppKey app, Entry entry) {
        if (read(scope, app).equals(Optional.of(entry))) {
            return;
        }
        RegPath k = key(scope, app);
        registry.apply(List.of(new RegOp.Put(k, "Name", RegValue.sz(entry.name())),
                new RegOp.Put(k, "Intent", RegValue.dword(entry.intent())),
                new RegOp.Put(k, "ReevaluationInterval", RegValue.dword(entry.reevaluationMinutes()))));
    }
}
