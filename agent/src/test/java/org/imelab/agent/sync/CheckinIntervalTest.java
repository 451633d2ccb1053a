package org.imelab.agent.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckinIntervalTest {
    private static Optional<Duration> min(long m) {
        return Optional.of(Duration.ofMinutes(m));
    }

    @Test
    void defaultIsSixtyMinutes() {
        CheckinInterval i = CheckinInterval.resolve(Optional.empty(), Optional.empty());
        assertEquals(Duration.ofMinutes(60), i.length());
        assertEquals(CheckinInterval.Source.DEFAULT, i.source());
        assertTrue(i.ignored().isEmpty());
    }

    @Test
    void settingsBeatsGatewayBeatsDefault() {
        assertEquals(new CheckinInterval(Duration.ofMinutes(30), CheckinInterval.Source.SETTINGS_INTERVAL, Optional.empty()),
                CheckinInterval.resolve(min(30), min(56)));
        assertEquals(new CheckinInterval(Duration.ofMinutes(56), CheckinInterval.Source.GATEWAY, Optional.empty()),
                CheckinInterval.resolve(Optional.empty(), min(56)));
    }

    @Test
    void outOfRangeValuesFallThroughWithTheirReason() {
        CheckinInterval i = CheckinInterval.resolve(Optional.of(Duration.ofSeconds(5)), min(60 * 25));
        assertEquals(CheckinInterval.Source.DEFAULT, i.source());
        assertEquals("Settings\\Interval of 5 seconds is outside 60..86400 seconds; "
                + "CheckinIntervalMinutes of 1500 minutes is outside 60..86400 seconds", i.ignored().orElseThrow());
        CheckinInterval g = CheckinInterval.resolve(Optional.of(Duration.ofSeconds(5)), min(56));
        assertEquals(Duration.ofMinutes(56), g.length());
        assertTrue(g.ignored().isPresent());
    }
}
