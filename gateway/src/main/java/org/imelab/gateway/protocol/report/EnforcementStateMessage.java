package org.imelab.gateway.protocol.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An app's enforcement state as written to {@code ...\EnforcementStateMessage} (ime-behaviour.md
 * Part A "state messages": {@code {"EnforcementState":N,"ErrorCode":N|null,"TargetingMethod":N}}).
 */
@JsonPropertyOrder({"EnforcementState", "ErrorCode", "TargetingMethod"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnforcementStateMessage(
        @JsonProperty("EnforcementState") Integer enforcementState,
        @JsonProperty("ErrorCode") Integer errorCode,
        @JsonProperty("TargetingMethod") Integer targetingMethod) {
}
