package org.imelab.gateway.protocol;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why the agent checks in ({@code CheckinReason} of the session envelope). The names are the
 * service's (ime-behaviour.md C §3.2); a value we do not know reads as {@link #UNKNOWN}.
 */
public enum CheckinReason {
    @JsonEnumDefaultValue UNKNOWN("Unknown"),
    USER_LOG_ON("UserLogOn"),
    /** The hourly pass. */
    MAINTENANCE_TIMER("MaintenanceTimer"),
    /** A push from the service (the lab's sync request, WNS on a real device). */
    NOTIFICATION("Notification"),
    /** Service start. */
    AGENT_RESTART("AgentRestart"),
    APV2("APV2"),
    /** The {@code intunemanagementextension://syncapp} moniker, Company Portal's sync. */
    ON_DEMAND("OnDemand"),
    ESP("ESP");

    private final String wireName;

    CheckinReason(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire, e.g. {@code AgentRestart}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }
}
