package org.imelab.registry.ime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.Registry;

/**
 * The "Ripley manoeuvre" admins use to force a re-install: delete the app's keys
 * ({@code Win32Apps\{scope}\{appId}_*}) and the GRS keys of the subgraphs holding it, as the
 * redeploy scripts do, so the next check-in treats the app as new and its GRS as expired. imelab's
 * own retry state for the app goes too. One batch: on the file and memory registries all or nothing.
 */
public final class Win32AppReset {
    private final Registry registry;
    private final ImeLayout layout;
    private final Win32AppStore apps;
    private final GrsStore grs;

    public Win32AppReset(Registry registry, ImeLayout layout) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.apps = new Win32AppStore(registry, layout);
        this.grs = new GrsStore(registry, layout);
    }

    /** Deletes the app keys and GRS subgraphs of the app; returns the keys deleted (empty: nothing there). */
    public List<RegPath> reset(Scope scope, String appId) {
        return run(scope, appId, false);
    }

    /** {@link #reset} plus the app's reporting cache ({@code Win32Apps\Reporting\{scope}\{appId}}). */
    public List<RegPath> resetFully(Scope scope, String appId) {
        return run(scope, appId, true);
    }

    private List<RegPath> run(Scope scope, String appId, boolean reporting) {
        String id = Guids.require(appId, "An app id");
        List<RegOp> ops = new ArrayList<>();
        for (Win32AppKey app : apps.versions(scope, id)) {
            ops.add(new RegOp.DeleteTree(layout.app(scope, app)));
        }
        ops.addAll(grs.removeOps(scope, id, true));
        if (reporting && registry.exists(layout.reporting(scope, id))) {
            ops.add(new RegOp.DeleteTree(layout.reporting(scope, id)));
        }
        for (String name : registry.subKeys(layout.labScope(scope))) {
            Win32AppKey.parse(name).filter(k -> k.appId().equals(id))
                    .ifPresent(k -> ops.add(new RegOp.DeleteTree(layout.labApp(scope, k))));
        }
        if (ops.isEmpty()) {
            return List.of();
        }
        registry.apply(ops);
        return ops.stream().map(RegOp::key).toList();
    }
}
