package org.imelab.gateway.protocol.win32;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Optional;
import org.imelab.gateway.protocol.DotNetDate;

/**
 * {@code StartDeadlineEx} (a real object inside the policy): the scheduled assignment's
 * availability time and installation deadline, {@code \/Date(ms)\/}, {@code DateTime.MinValue} =
 * not set (C §3.5). {@code TimeFormat} is {@code ""} in every public sample; its other values are
 * unknown. imelab writes {@code ""} for UTC times and {@code "LocalTime"} when the admin asked for
 * device-local time (our definition, see PROTOCOL.md).
 */
@JsonPropertyOrder({"TimeFormat", "StartTime", "Deadline"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record StartDeadlineEx(
        @JsonProperty("TimeFormat") String timeFormat,
        @JsonProperty("StartTime") DotNetDate startTime,
        @JsonProperty("Deadline") DotNetDate deadline) {

    /** imelab's marker for "the times are the device's local time" (the real value is not public). */
    public static final String LOCAL_TIME = "LocalTime";

    /** No schedule: both times {@code DateTime.MinValue}, as the service sends for ordinary assignments. */
    public static final StartDeadlineEx NONE = new StartDeadlineEx("", DotNetDate.MIN_VALUE, DotNetDate.MIN_VALUE);

    public static StartDeadlineEx of(Instant start, Instant deadline) {
        return new StartDeadlineEx("",
                start == null ? DotNetDate.MIN_VALUE : DotNetDate.of(start),
                deadline == null ? DotNetDate.MIN_VALUE : DotNetDate.of(deadline));
    }

    /** The start, empty when not set. */
    public Optional<Instant> start() {
        return startTime == null ? Optional.empty() : startTime.instant();
    }

    /** The deadline, empty when not set. */
    public Optional<Instant> deadlineInstant() {
        return deadline == null ? Optional.empty() : deadline.instant();
    }
}
