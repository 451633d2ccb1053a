package org.imelab.gateway.protocol.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * An app's compliance state, exactly as the real agent writes it to
 * {@code Win32Apps\{scope}\{appId}_{n}\ComplianceStateMessage} (field order and nulls of the
 * verbatim sample, ime-behaviour.md C §1.2). Codes: see the code tables there.
 */
@JsonPropertyOrder({"Applicability", "ComplianceState", "DesiredState", "ErrorCode", "TargetingMethod",
    "InstallContext", "TargetType", "ProductVersion", "AssignmentFilterIds"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComplianceStateMessage(
        @JsonProperty("Applicability") Integer applicability,
        @JsonProperty("ComplianceState") Integer complianceState,
        @JsonProperty("DesiredState") Integer desiredState,
        @JsonProperty("ErrorCode") Integer errorCode,
        @JsonProperty("TargetingMethod") Integer targetingMethod,
        @JsonProperty("InstallContext") Integer installContext,
        @JsonProperty("TargetType") Integer targetType,
        @JsonProperty("ProductVersion") String productVersion,
        @JsonProperty("AssignmentFilterIds") List<String> assignmentFilterIds) {
}
