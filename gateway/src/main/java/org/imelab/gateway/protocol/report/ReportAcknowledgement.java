package org.imelab.gateway.protocol.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The {@code ResponsePayload} of the reporting calls (imelab's definition): how many entries were
 * recorded and which were refused, with why, so the agent can log a bad report instead of
 * believing it was delivered.
 */
@JsonPropertyOrder({"Accepted", "Rejected"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReportAcknowledgement(
        @JsonProperty("Accepted") int accepted,
        @JsonProperty("Rejected") List<Refusal> rejected) {

    public ReportAcknowledgement {
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
    }

    @JsonPropertyOrder({"Index", "Reason"})
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Refusal(@JsonProperty("Index") int index, @JsonProperty("Reason") String reason) {
    }
}
