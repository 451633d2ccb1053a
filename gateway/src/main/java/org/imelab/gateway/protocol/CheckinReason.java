package org.imelab.gateway.protocol;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Why the agent checks in ({@code CheckinReason} of the session envelope). The names are the
 * service's (ime-behaviour.md C §3.2); a value we do not know reads as {@link #UNKNOWN}.
 */
public enum CheckinReason {
    @JsonEnumDefaultValue @JsonProperty("Unknown") UNKNOWN,
    @JsonProperty("UserLogOn") USER_LOG_ON,
    /** The hourly pass. */
    @JsonProperty("MaintenanceTimer") MAINTENANCE_TIMER,
    /** A push from the service (the lab's sync request, WNS on a real device). */
    @JsonProperty("Notification") NOTIFICATION,
    /** Service start. */
    @JsonProperty("AgentRestart") AGENT_RESTART,
    @JsonProperty("APV2") APV2,
    /** The {@code intunemanagementextension://syncapp} moniker, Company Portal's sync. */
    @JsonProperty("OnDemand") ON_DEMAND,
    @JsonProperty("ESP") ESP
}
