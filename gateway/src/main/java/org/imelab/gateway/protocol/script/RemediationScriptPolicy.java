package org.imelab.gateway.protocol.script;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One element of the {@code GetScript} answer (a JSON array): a remediation (health script)
 * pair. Fields as the real service sends them ([C] [PYTUNE], C §3.3): detection and remediation
 * scripts Base64, with their parameter strings.
 */
@JsonPropertyOrder({"PolicyId", "PolicyBody", "PolicyScriptParameters", "RemediationScript",
    "RemediationScriptParameters"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record RemediationScriptPolicy(
        @JsonProperty("PolicyId") String policyId,
        @JsonProperty("PolicyBody") String policyBody,
        @JsonProperty("PolicyScriptParameters") String policyScriptParameters,
        @JsonProperty("RemediationScript") String remediationScript,
        @JsonProperty("RemediationScriptParameters") String remediationScriptParameters) {
}
