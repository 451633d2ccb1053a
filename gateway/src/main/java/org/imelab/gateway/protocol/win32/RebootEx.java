package org.imelab.gateway.protocol.win32;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code RebootEx} (a real object inside the policy): the restart grace period, countdown and
 * snooze in minutes; -1 = not set (C §3.5).
 */
@JsonPropertyOrder({"GracePeriod", "Countdown", "Snooze"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record RebootEx(
        @JsonProperty("GracePeriod") Integer gracePeriod,
        @JsonProperty("Countdown") Integer countdown,
        @JsonProperty("Snooze") Integer snooze) {

    public static final RebootEx NOT_SET = new RebootEx(-1, -1, -1);
}
