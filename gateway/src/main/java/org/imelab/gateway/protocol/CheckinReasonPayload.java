package org.imelab.gateway.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code CheckinReasonPayload} of the envelope, a JSON string on the wire:
 * {@code {"NotificationID":"<guid>","NotificationIntent":""}} [S] [APPCONTENT]. For a check-in
 * caused by a push, the id of the notification (so the agent can drop duplicates) and its intent
 * ({@code Win32AppWorkload} is seen in real logs).
 */
@JsonPropertyOrder({"NotificationID", "NotificationIntent"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record CheckinReasonPayload(
        @JsonProperty("NotificationID") String notificationId,
        @JsonProperty("NotificationIntent") String notificationIntent) {

    /** The intent the real service puts on a Win32 app push. */
    public static final String WIN32_APP_WORKLOAD = "Win32AppWorkload";

    /** What a check-in not caused by a notification carries: the all-zero id, no intent. */
    public static CheckinReasonPayload none() {
        return new CheckinReasonPayload("00000000-0000-0000-0000-000000000000", "");
    }
}
