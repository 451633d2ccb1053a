package org.imelab.gateway.protocol.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.imelab.gateway.protocol.DotNetDate;

/**
 * One element of the {@code PolicyResult} request payload (a JSON array): a platform script's
 * outcome. imelab's definition (the real payload is not public), mirroring the values the real
 * agent keeps under {@code Policies\{userObjectId}\{policyId}}: {@code Result} ({@code Success}
 * or {@code Failed}), {@code ErrorCode}, {@code ResultDetails}, {@code DownloadCount} (C §1.1).
 */
@JsonPropertyOrder({"PolicyId", "UserId", "Result", "ErrorCode", "ResultDetails", "DownloadCount", "ReportTime"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScriptResult(
        @JsonProperty("PolicyId") String policyId,
        @JsonProperty("UserId") String userId,
        @JsonProperty("Result") String result,
        @JsonProperty("ErrorCode") Integer errorCode,
        @JsonProperty("ResultDetails") String resultDetails,
        @JsonProperty("DownloadCount") Integer downloadCount,
        @JsonProperty("ReportTime") DotNetDate reportTime) {
}
