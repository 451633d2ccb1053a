package org.imelab.gateway.protocol.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.imelab.gateway.protocol.DotNetDate;
import org.imelab.gateway.protocol.JsonInString;

/**
 * One element of the {@code Win32AppResult} request payload (a JSON array). The real payload is
 * not public; this is imelab's definition (gateway/PROTOCOL.md): the two state messages travel
 * exactly as they are written to the registry (JSON in strings, like the service's other nested
 * fields), next to the app, its revision, the scope and when the state was reached.
 *
 * @param userId the scope: the user's object id, or {@code 00000000-0000-0000-0000-000000000000}
 * @param detectionState 1 detected, 2 not detected (the report codes of C §1.2), null if not run
 */
@JsonPropertyOrder({"AppId", "AppVersion", "UserId", "DetectionState", "ComplianceStateMessage",
    "EnforcementStateMessage", "ReportTime"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppResult(
        @JsonProperty("AppId") String appId,
        @JsonProperty("AppVersion") Integer appVersion,
        @JsonProperty("UserId") String userId,
        @JsonProperty("DetectionState") Integer detectionState,
        @JsonProperty("ComplianceStateMessage")
        @JsonSerialize(using = JsonInString.Writer.class) @JsonDeserialize(using = JsonInString.Reader.class)
        ComplianceStateMessage complianceStateMessage,
        @JsonProperty("EnforcementStateMessage")
        @JsonSerialize(using = JsonInString.Writer.class) @JsonDeserialize(using = JsonInString.Reader.class)
        EnforcementStateMessage enforcementStateMessage,
        @JsonProperty("ReportTime") DotNetDate reportTime) {

    /** The scope of device (userless) processing. */
    public static final String DEVICE_SCOPE = "00000000-0000-0000-0000-000000000000";
}
