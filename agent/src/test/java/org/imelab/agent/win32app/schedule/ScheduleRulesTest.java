package org.imelab.agent.win32app.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.imelab.agent.win32app.lifecycle.AppFacts.GrsStatus;
import org.imelab.agent.win32app.lifecycle.AppFacts.ScheduleWindow;
import org.junit.jupiter.api.Test;

class ScheduleRulesTest {
    static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void grsExpiresAfter24Hours() {
        assertEquals(GrsStatus.NO_VALUE, GrsRule.status(Optional.empty(), T));
        assertEquals(GrsStatus.NOT_EXPIRED, GrsRule.status(Optional.of(T), T.plus(Duration.ofHours(24)).minusSeconds(1)));
        assertEquals(GrsStatus.EXPIRED, GrsRule.status(Optional.of(T), T.plus(Duration.ofHours(24))));
    }

    @Test
    void reevaluationEveryIntervalMinutes() {
        Duration i = ReevaluationSchedule.interval(480);
        assertEquals(Duration.ofHours(8), i);
        assertEquals(Duration.ofHours(8), ReevaluationSchedule.interval(null));
        assertEquals(Duration.ofMinutes(60), ReevaluationSchedule.interval(60));
        assertTrue(ReevaluationSchedule.isDue(Optional.empty(), i, T));
        assertFalse(ReevaluationSchedule.isDue(Optional.of(T), i, T.plus(Duration.ofHours(8)).minusMillis(1)));
        assertTrue(ReevaluationSchedule.isDue(Optional.of(T), i, T.plus(Duration.ofHours(8))));
    }

    @Test
    void minValueMeansNoSchedule() {
        DeadlineWindow w = DeadlineWindow.of(DeadlineWindow.DOTNET_MIN_VALUE_MS, DeadlineWindow.DOTNET_MIN_VALUE_MS, "", ZoneId.of("UTC"));
        assertEquals(ScheduleWindow.UNSCHEDULED, w.position(T));
    }

    @Test
    void startAndDeadlineInUtc() {
        long start = T.toEpochMilli();
        long deadline = T.plus(Duration.ofHours(2)).toEpochMilli();
        DeadlineWindow w = DeadlineWindow.of(start, deadline, "", ZoneId.of("Europe/Helsinki"));
        assertEquals(ScheduleWindow.BEFORE_START, w.position(T.minusSeconds(1)));
        assertEquals(ScheduleWindow.BEFORE_DEADLINE, w.position(T));
        assertEquals(ScheduleWindow.DEADLINE_REACHED, w.position(T.plus(Duration.ofHours(2))));
    }

    @Test
    void localTimesAreReadInTheDeviceZone() {
        // 10:00 "device time" in Helsinki (UTC+2 in November) is 08:00Z
        DeadlineWindow w = DeadlineWindow.of(DeadlineWindow.DOTNET_MIN_VALUE_MS, T.toEpochMilli(), "LocalTime", ZoneId.of("Europe/Helsinki"));
        assertEquals(Optional.of(Instant.parse("2026-11-22T08:00:00Z")), w.deadline());
        assertEquals(ScheduleWindow.BEFORE_DEADLINE, w.position(Instant.parse("2026-11-22T07:59:59Z")));
        assertEquals(ScheduleWindow.DEADLINE_REACHED, w.position(Instant.parse("2026-11-22T08:00:00Z")));
    }
}
