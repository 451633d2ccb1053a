package org.imelab.gateway.protocol.script;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One element of the {@code PolicyRequest} answer (a JSON array): a platform (PowerShell) script.
 * {@code PolicyId} and {@code PolicyBody} (the script text) are the real service's
 * ([C] [PYTUNE], C §3.3); the run options are imelab's definition until evidence appears.
 */
@JsonPropertyOrder({"PolicyId", "PolicyBody", "RunAsAccount", "EnforceSignatureCheck", "RunAs32Bit"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlatformScriptPolicy(
        @JsonProperty("PolicyId") String policyId,
        @JsonProperty("PolicyBody") String policyBody,
        @JsonProperty("RunAsAccount") Integer runAsAccount,
        @JsonProperty("EnforceSignatureCheck") Boolean enforceSignatureCheck,
        @JsonProperty("RunAs32Bit") Boolean runAs32Bit) {
}
