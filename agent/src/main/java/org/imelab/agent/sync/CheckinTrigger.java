package org.imelab.agent.sync;

/** What can cause a check-in (ime-behaviour.md Part B "sync triggers", C §6.1). */
public enum CheckinTrigger {
    /** The service started (the first check-in, after the randomized delay). */
    SERVICE_START("ServiceStart", "service start"),
    /** The check-in timer (60 minutes unless overridden). */
    TIMER("Timer", "check-in timer"),
    /** {@code intunemanagementextension://syncapp}: Company Portal's or an admin's "sync apps". */
    MONIKER_SYNCAPP("SyncApp", "intunemanagementextension://syncapp"),
    /** {@code intunemanagementextension://synccompliance}: custom compliance check-in. */
    MONIKER_SYNCCOMPLIANCE("SyncCompliance", "intunemanagementextension://synccompliance"),
    /** {@code imelab sync} on this machine. */
    CLI_SYNC("CliSync", "imelab sync"),
    /** {@code imelab restart --simulate}: the lab's device restart; the check-in is the service start's. */
    DEVICE_RESTART("DeviceRestart", "simulated device restart"),
    /** The gateway asked this device to sync (the admin center's "Sync"). */
    GATEWAY_PUSH("GatewayPush", "gateway push"),
    /** A Win32 app retry, deadline or re-evaluation the engine persisted is due. */
    WORKLOAD_DUE("WorkloadDue", "app retry or deadline due");

    private final String id;
    private final String description;

    CheckinTrigger(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** Short stable name, as stored in the registry and shown by {@code imelab status}. */
    public String id() {
        return id;
    }

    /** What a person reads on the console. */
    public String description() {
        return description;
    }
}
