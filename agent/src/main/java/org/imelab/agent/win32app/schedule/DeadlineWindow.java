package org.imelab.agent.win32app.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.imelab.agent.win32app.lifecycle.AppFacts.ScheduleWindow;

/**
 * StartDeadlineEx of a policy: an optional start time and deadline. DateTime.MinValue
 * ({@code \/Date(-62135596800000)\/}) means "not set". Times are UTC when TimeFormat says so,
 * otherwise the device's local time, as the admin center's "device time zone" option intends.
 */
public record DeadlineWindow(Optional<Instant> start, Optional<Instant> deadline) {

    /** .NET DateTime.MinValue in Unix milliseconds. */
    public static final long DOTNET_MIN_VALUE_MS = -62135596800000L;

    public static final DeadlineWindow NONE = new DeadlineWindow(Optional.empty(), Optional.empty());

    /**
     * @param startMs     the milliseconds inside {@code \/Date(ms)\/}
     * @param deadlineMs  likewise
     * @param timeFormat  StartDeadlineEx.TimeFormat ("UTC" or anything else for device local time)
     * @param deviceZone  the device's time zone, for local times
     */
    public static DeadlineWindow of(long startMs, long deadlineMs, String timeFormat, ZoneId deviceZone) {
        return new DeadlineWindow(toInstant(startMs, timeFormat, deviceZone), toInstant(deadlineMs, timeFormat, deviceZone));
    }

    private static Optional<Instant> toInstant(long ms, String timeFormat, ZoneId zone) {
        if (ms <= DOTNET_MIN_VALUE_MS) {
            return Optional.empty();
        }
        Instant asUtc = Instant.ofEpochMilli(ms);
        if (timeFormat != null && timeFormat.equalsIgnoreCase("UTC")) {
            return Optional.of(asUtc);
        }
        // The wall-clock value is meant in the device's zone.
        return Optional.of(LocalDateTime.ofInstant(asUtc, ZoneOffset.UTC).atZone(zone).toInstant());
    }

    public ScheduleWindow position(Instant now) {
        if (start.isEmpty() && deadline.isEmpty()) {
            return ScheduleWindow.UNSCHEDULED;
        }
        if (start.isPresent() && now.isBefore(start.get())) {
            return ScheduleWindow.BEFORE_START;
        }
        if (deadline.isPresent() && now.isBefore(deadline.get())) {
            return ScheduleWindow.BEFORE_DEADLINE;
        }
        return deadline.isPresent() ? ScheduleWindow.DEADLINE_REACHED : ScheduleWindow.UNSCHEDULED;
    }
}
