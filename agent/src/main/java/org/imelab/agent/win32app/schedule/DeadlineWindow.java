package org.imelab.agent.win32app.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.imelab.agent.win32app.lifecycle.AppFacts.ScheduleWindow;
import org.imelab.gateway.protocol.win32.StartDeadlineEx;

/**
 * StartDeadlineEx of a policy: an optional start time and deadline. DateTime.MinValue
 * ({@code \/Date(-62135596800000)\/}) means "not set". Times are UTC unless TimeFormat is
 * {@code LocalTime} (the lab gateway's value for the admin center's "device time zone" option,
 * gateway PROTOCOL.md; every public sample has {@code ""}), then the device's local time.
 */
public record DeadlineWindow(Optional<Instant> start, Optional<Instant> deadline) {

    /** .NET DateTime.MinValue in Unix milliseconds. */
    public static final long DOTNET_MIN_VALUE_MS = -62135596800000L;

    public static final DeadlineWindow NONE = new DeadlineWindow(Optional.empty(), Optional.empty());

    /**
     * @param startMs     the milliseconds inside {@code \/Date(ms)\/}
     * @param deadlineMs  likewise
     * @param timeFormat  StartDeadlineEx.TimeFormat ({@code LocalTime} for device local time, else UTC)
     * @param deviceZone  the device's time zone, for local times
     */
    public static DeadlineWindow of(long startMs, long deadlineMs, String timeFormat, ZoneId deviceZone) {
        return new DeadlineWindow(toInstant(startMs, timeFormat, deviceZone), toInstant(deadlineMs, timeFormat, deviceZone));
    }

    /** The window of a policy's StartDeadlineEx (none when the policy has none). */
    public static DeadlineWindow of(StartDeadlineEx ex, ZoneId deviceZone) {
        if (ex == null) {
            return NONE;
        }
        long start = ex.startTime() == null ? DOTNET_MIN_VALUE_MS : ex.startTime().instant().map(Instant::toEpochMilli)
                .orElse(DOTNET_MIN_VALUE_MS);
        long deadline = ex.deadline() == null ? DOTNET_MIN_VALUE_MS : ex.deadline().instant().map(Instant::toEpochMilli)
                .orElse(DOTNET_MIN_VALUE_MS);
        return of(start, deadline, ex.timeFormat(), deviceZone);
    }

    /** The next moment the window changes (start, then deadline) after {@code now}, if any. */
    public Optional<Instant> nextChange(Instant now) {
        if (start.isPresent() && now.isBefore(start.get())) {
            return start;
        }
        if (deadline.isPresent() && now.isBefore(deadline.get())) {
            return deadline;
        }
        return Optional.empty();
    }

    private static Optional<Instant> toInstant(long ms, String timeFormat, ZoneId zone) {
        if (ms <= DOTNET_MIN_VALUE_MS) {
            return Optional.empty();
        }
        Instant asUtc = Instant.ofEpochMilli(ms);
        if (timeFormat == null || !timeFormat.equalsIgnoreCase(StartDeadlineEx.LOCAL_TIME)) {
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
