package org.imelab.agent.device.restart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real restarter's command lines, as a pure function: nothing here runs them. */
class SystemDeviceRestarterTest {

    @Test
    void windowsShutdownTakesSecondsAndTheComment() {
        assertEquals(List.of(List.of("shutdown", "/r", "/t", "900", "/c", "imelab: app 'x' needs it")),
                SystemDeviceRestarter.commandLines(true, Duration.ofMinutes(15), "imelab: app \"x\" needs it"));
        assertEquals(List.of(List.of("shutdown", "/r", "/t", "315360000", "/c", "")),
                SystemDeviceRestarter.commandLines(true, Duration.ofDays(20_000), null), "capped at ten years");
        String longText = "y".repeat(600);
        assertEquals(512, SystemDeviceRestarter.commandLines(true, Duration.ZERO, longText).get(0).get(5).length());
    }

    @Test
    void linuxShutdownTakesWholeMinutesRoundedUp() {
        assertEquals(List.of(List.of("shutdown", "-r", "+5", "why")),
                SystemDeviceRestarter.commandLines(false, Duration.ofMinutes(5), "why"));
        assertEquals(List.of(List.of("shutdown", "-r", "+2", "a b")),
                SystemDeviceRestarter.commandLines(false, Duration.ofSeconds(61), "a\nb"));
    }

    @Test
    void linuxWithoutADelayTriesSystemctlThenShutdown() {
        assertEquals(List.of(List.of("systemctl", "reboot"), List.of("shutdown", "-r", "now", "now")),
                SystemDeviceRestarter.commandLines(false, Duration.ZERO, "now"));
    }

    @Test
    void aNegativeDelayIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> SystemDeviceRestarter.commandLines(false, Duration.ofSeconds(-1), "x"));
    }
}
