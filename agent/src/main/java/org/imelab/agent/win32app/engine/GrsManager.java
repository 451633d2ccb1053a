package org.imelab.agent.win32app.engine;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.imelab.agent.win32app.graph.AppRef;
import org.imelab.agent.win32app.lifecycle.AppFacts.GrsStatus;
import org.imelab.agent.win32app.schedule.GrsRule;
import org.imelab.registry.ime.GrsEntry;
import org.imelab.registry.ime.GrsStore;
import org.imelab.registry.ime.ImeTime;
import org.imelab.registry.ime.Scope;
import org.imelab.registry.ime.SubgraphHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The GRSManager: reads and logs each app's GRS value for its subgraph, and saves new ones. */
final class GrsManager {
    private static final Logger LOG = LoggerFactory.getLogger("ime.AppWorkload");

    private final GrsStore store;

    GrsManager(GrsStore store) {
        this.store = store;
    }

    /** The app's GRS status, logged with the agent's words; {@code available} subgraphs bypass it. */
    GrsStatus status(Scope scope, SubgraphHash hash, AppRef app, boolean availableIntent, Instant now) {
        Optional<GrsEntry> entry = store.find(scope, hash, app.appId());
        if (entry.isPresent()) {
            LOG.info("[Win32App][GRSManager] Found GRS value: {} at key {}\\GRS\\{}\\{}.",
                    ImeTime.format(entry.get().enteredUtc()), scope.id(), hash.value(), app.appId());
        }
        GrsStatus status = GrsRule.status(entry.map(GrsEntry::enteredUtc), now);
        switch (status) {
            case NO_VALUE -> LOG.info("[Win32App][GRSManager] App with id: {} has no recorded GRS value which will be "
                    + "treated as expired. | Hash = {}", app.appId(), hash.value());
            case EXPIRED -> LOG.info("[Win32App][GRSManager] App with id: {} is expired. | Hash = {}", app.appId(),
                    hash.value());
            case NOT_EXPIRED -> {
                if (availableIntent) {
                    LOG.info("[Win32App][GRSManager] App with id: {} is not expired but will be enforced due to "
                            + "targeting intent on the subgraph. | Hash = {}", app.appId(), hash.value());
                } else {
                    LOG.info("[Win32App][GRSManager] App with id: {} is not expired. | Hash = {}", app.appId(),
                            hash.value());
                }
            }
        }
        return status;
    }

    /** When the app's GRS expires, if it has a value. */
    Optional<Instant> expiry(Scope scope, SubgraphHash hash, String appId) {
        return store.find(scope, hash, appId).map(e -> GrsRule.expiry(e.enteredUtc()));
    }

    void save(Scope scope, SubgraphHash hash, Collection<String> appIds, Instant now) {
        if (appIds.isEmpty()) {
            return;
        }
        LOG.info("[Win32App][GRSManager] Saving GRS values to storage.");
        store.put(scope, hash, appIds, now);
    }
}
