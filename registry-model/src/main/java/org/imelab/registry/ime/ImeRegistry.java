package org.imelab.registry.ime;

import java.util.Objects;
import org.imelab.registry.Registry;

/** The IME's stores over one registry and layout, for wiring in one place. */
public final class ImeRegistry {
    private final Registry registry;
    private final ImeLayout layout;

    public ImeRegistry(Registry registry, ImeLayout layout) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    /** The stores of a real device's layout. */
    public ImeRegistry(Registry registry) {
        this(registry, ImeLayout.standard());
    }

    public Registry registry() {
        return registry;
    }

    public ImeLayout layout() {
        return layout;
    }

    public Win32AppStore win32Apps() {
        return new Win32AppStore(registry, layout);
    }

    public GrsStore grs() {
        return new GrsStore(registry, layout);
    }

    public Win32AppReportingStore reporting() {
        return new Win32AppReportingStore(registry, layout);
    }

    public Win32AppReset reset() {
        return new Win32AppReset(registry, layout);
    }

    public PendingReportStore pendingReports() {
        return new PendingReportStore(registry, layout);
    }

    public Win32AppRetryStore retries() {
        return new Win32AppRetryStore(registry, layout);
    }

    public ReevaluationScheduleStore reevaluation() {
        return new ReevaluationScheduleStore(registry, layout);
    }

    public ScriptPolicyStore scriptPolicies() {
        return new ScriptPolicyStore(registry, layout);
    }

    public SideCarPoliciesStore sideCarPolicies() {
        return new SideCarPoliciesStore(registry, layout);
    }

    public InventoryStore inventory() {
        return new InventoryStore(registry, layout);
    }

    public ImeSettingsStore settings() {
        return new ImeSettingsStore(registry, layout);
    }

    public AgentLoggingStore logging() {
        return new AgentLoggingStore(registry, layout);
    }
}
