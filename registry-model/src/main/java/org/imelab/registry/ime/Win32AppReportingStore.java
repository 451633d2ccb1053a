package org.imelab.registry.ime;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;

/**
 * The reporting cache: {@code Win32Apps\Reporting\{scope}\{appId}\ReportCache\{scope}} with
 * {@code LastHashValue} (the app's subgraph hash as last reported), and
 * {@code Win32AppSettings\LastFullResultReportTimeUTC}.
 */
public final class Win32AppReportingStore {
    private final Registry registry;
    private final ImeLayout layout;

    public Win32AppReportingStore(Registry registry, ImeLayout layout) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    /** The last reported subgraph hash of an app; empty when absent or not a hash. */
    public Optional<SubgraphHash> lastHashValue(Scope scope, String appId) {
        return RegValues.string(registry.get(layout.reportCache(scope, Guids.require(appId, "An app id")),
                ImeLayout.LAST_HASH_VALUE)).flatMap(SubgraphHash::parse);
    }

    public void putLastHashValue(Scope scope, String appId, SubgraphHash hash) {
        registry.put(layout.reportCache(scope, Guids.require(appId, "An app id")), ImeLayout.LAST_HASH_VALUE,
                RegValue.sz(hash.value()));
    }

    /** Deletes {@code Reporting\{scope}\{appId}}; false when it was not there. */
    public boolean delete(Scope scope, String appId) {
        return registry.deleteTree(layout.reporting(scope, Guids.require(appId, "An app id")));
    }

    public Optional<Instant> lastFullResultReportTimeUtc() {
        return RegValues.time(registry.get(layout.win32AppSettings(), ImeLayout.LAST_FULL_RESULT_REPORT_TIME_UTC));
    }

    public void putLastFullResultReportTimeUtc(Instant time) {
        registry.put(layout.win32AppSettings(), ImeLayout.LAST_FULL_RESULT_REPORT_TIME_UTC,
                RegValue.sz(ImeTime.format(time)));
    }
}
