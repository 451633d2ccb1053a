package org.imelab.registry.ime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.Test;

class CheckinStateKeyTest {
    private static final RegPath IME = RegPath.parse("HKLM\\SOFTWARE\\Microsoft\\IntuneManagementExtension");
    private final MemoryRegistry registry = new MemoryRegistry();
    private final CheckinStateKey key = new CheckinStateKey(registry);

    @Test
    void emptyRegistryReadsAsNothingKnown() {
        CheckinStateKey.CheckinState s = key.read();
        assertTrue(s.lastCheckin().isEmpty());
        assertTrue(s.nextCheckin().isEmpty());
        assertTrue(s.gatewayInterval().isEmpty());
    }

    @Test
    void roundTripsEveryValueInTheImeTimeFormat() {
        key.recordCheckin(Instant.parse("2026-03-07T09:05:04.789Z"), "ServiceStart", "Success");
        key.recordNextCheckin(Instant.parse("2026-03-07T10:05:04Z"));
        key.recordGatewayInterval(Optional.of(Duration.ofMinutes(56)));
        key.recordConnection(Optional.of("https://127.0.0.1:8443/SideCar"), Optional.of("ABCDEF"));

        assertEquals(RegValue.sz("03/07/2026 09:05:04"),
                registry.get(CheckinStateKey.DEFAULT_PATH, "LastCheckinTimeUtc").orElseThrow());
        CheckinStateKey.CheckinState s = key.read();
        assertEquals(Instant.parse("2026-03-07T09:05:04Z"), s.lastCheckin().orElseThrow());
        assertEquals("ServiceStart", s.lastReason().orElseThrow());
        assertEquals("Success", s.lastResult().orElseThrow());
        assertEquals(Instant.parse("2026-03-07T10:05:04Z"), s.nextCheckin().orElseThrow());
        assertEquals(Duration.ofMinutes(56), s.gatewayInterval().orElseThrow());
        assertEquals("https://127.0.0.1:8443/SideCar", s.gatewayUrl().orElseThrow());
        assertEquals("ABCDEF", s.certificateThumbprint().orElseThrow());

        key.recordGatewayInterval(Optional.empty());
        key.recordConnection(Optional.empty(), Optional.empty());
        assertTrue(key.read().gatewayInterval().isEmpty());
        assertTrue(key.read().gatewayUrl().isEmpty());
    }

    @Test
    void keepsItsStateOutOfTheImeKey() {
        key.recordNextCheckin(Instant.parse("2026-03-07T10:05:04Z"));
        assertFalse(CheckinStateKey.DEFAULT_PATH.startsWith(IME));
        assertFalse(registry.exists(IME));
    }

    @Test
    void unreadableTimeReadsAsAbsent() {
        registry.put(CheckinStateKey.DEFAULT_PATH, "NextCheckinTimeUtc", RegValue.sz("tomorrow"));
        registry.put(CheckinStateKey.DEFAULT_PATH, "GatewayIntervalMinutes", RegValue.sz("56"));
        assertTrue(key.read().nextCheckin().isEmpty());
        assertTrue(key.read().gatewayInterval().isEmpty());
    }

    @Test
    void settingsIntervalAcceptsDwordQwordAndDecimalText() {
        RegPath settings = IME.child("Settings");
        assertEquals(Optional.empty(), CheckinStateKey.settingsInterval(registry, IME));
        registry.put(settings, "Interval", RegValue.dword(1800));
        assertEquals(Optional.of(Duration.ofMinutes(30)), CheckinStateKey.settingsInterval(registry, IME));
        registry.put(settings, "Interval", RegValue.qword(600));
        assertEquals(Optional.of(Duration.ofMinutes(10)), CheckinStateKey.settingsInterval(registry, IME));
        registry.put(settings, "Interval", RegValue.sz(" 120 "));
        assertEquals(Optional.of(Duration.ofMinutes(2)), CheckinStateKey.settingsInterval(registry, IME));
    }

    @Test
    void settingsIntervalRefusesNonsenseWithAClearMessage() {
        RegPath settings = IME.child("Settings");
        registry.put(settings, "Interval", RegValue.sz("hourly"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CheckinStateKey.settingsInterval(registry, IME));
        assertTrue(e.getMessage().contains("Settings\\Interval is 'hourly'"), e.getMessage());
        registry.put(settings, "Interval", RegValue.dword(0));
        assertThrows(IllegalArgumentException.class, () -> CheckinStateKey.settingsInterval(registry, IME));
        registry.put(settings, "Interval", new RegValue.Binary(new byte[] {1}));
        assertThrows(IllegalArgumentException.class, () -> CheckinStateKey.settingsInterval(registry, IME));
    }
}
