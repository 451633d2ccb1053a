package org.imelab.agent.win32app.engine;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;
import org.imelab.registry.ime.ImeLayout;
import org.imelab.registry.ime.ImeTime;
import org.imelab.registry.ime.Scope;

/**
 * Install requests for available apps, what Company Portal sends on a real device and
 * {@code imelab apps install ID} records here: one REG_SZ per app under imelab's own key
 * ({@code {labRoot}\Win32Apps\{scope}\AvailableRequests}, value = app id, data = request time), so a
 * request made while the agent is down is honoured at its next check-in.
 */
public final class AvailableAppRequests {
    static final String KEY = "AvailableRequests";

    private final Registry registry;
    private final ImeLayout layout;

    public AvailableAppRequests(Registry registry, ImeLayout layout) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    private RegPath key(Scope scope) {
        return layout.labScope(scope).child(KEY);
    }

    public void request(Scope scope, String appId, Instant when) {
        registry.put(key(scope), appId.toLowerCase(Locale.ROOT), RegValue.sz(ImeTime.format(when)));
    }

    public Optional<Instant> requested(Scope scope, String appId) {
        return registry.get(key(scope), appId.toLowerCase(Locale.ROOT))
                .flatMap(v -> v instanceof RegValue.Sz sz ? ImeTime.parse(sz.value()) : Optional.empty());
    }

    /** The request is served (installed, failed, or not applicable); false when there was none. */
    public boolean clear(Scope scope, String appId) {
        return registry.deleteValue(key(scope), appId.toLowerCase(Locale.ROOT));
    }
}
