package org.imelab.registry.ime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.Test;

class CheckinStateKeyTest {
    private final MemoryRegistry registry = new MemoryRegistry();
    private final ImeLayout layout = ImeLayout.standard();
    private final CheckinStateKey key = new CheckinStateKey(registry, layout);

    @Test
    void livesInImelabsOwnKey() {
        assertEquals(RegPath.parse("HKLM\\SOFTWARE\\imelab\\Checkin"), key.path());
        assertEquals(layout.checkinState(), key.path());
        key.recordNextCheckin(Instant.parse("2026-03-07T10:05:04Z"));
        assertFalse(key.path().startsWith(layout.root()));
        assertFalse(registry.exists(layout.root()), "nothing is written under the IME key");
        RegPath sandbox = RegPath.parse("HKCU\\Software\\lab1\\IntuneManagementExtension");
        assertEquals(RegPath.parse("HKCU\\Software\\lab1\\imelab\\Checkin"),
                new CheckinStateKey(registry, ImeLayout.at(sandbox)).path());
    }

    @Test
    void emptyRegistryReadsAsNothingKnown() {
        CheckinStateKey.CheckinState s = key.read();
        assertTrue(s.lastCheckin().isEmpty());
        assertTrue(s.nextCheckin().isEmpty());
        assertTrue(s.gatewayInterval().isEmpty());
        assertTrue(s.gatewayUrl().isEmpty());
    }

    @Test
    void roundTripsEveryValueInTheImeTimeFormat() {
        key.recordCheckin(Instant.parse("2026-03-07T09:05:04.789Z"), "ServiceStart", "Success");
        key.recordNextCheckin(Instant.parse("2026-03-07T10:05:04Z"));
        key.recordGatewayInterval(Optional.of(Duration.ofMinutes(56)));
        key.recordConnection(Optional.of("https://127.0.0.1:8443/SideCar"), Optional.of("ABCDEF"));

        assertEquals(RegValue.sz("03/07/2026 09:05:04"), registry.get(key.path(), "LastCheckinTimeUtc").orElseThrow());
        assertEquals(RegValue.dword(56), registry.get(key.path(), "GatewayIntervalMinutes").orElseThrow());
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
        assertTrue(key.read().certificateThumbprint().isEmpty());
    }

    @Test
    void unreadableValuesReadAsAbsentAndHandEditsAreTolerated() {
        registry.put(key.path(), "NextCheckinTimeUtc", RegValue.sz("tomorrow"));
        registry.put(key.path(), "GatewayIntervalMinutes", RegValue.sz("0"));
        assertTrue(key.read().nextCheckin().isEmpty());
        assertTrue(key.read().gatewayInterval().isEmpty());
        registry.put(key.path(), "NextCheckinTimeUtc", RegValue.sz("3/7/2026 10:05:04 AM"));
        registry.put(key.path(), "GatewayIntervalMinutes", RegValue.sz("45"));
        assertEquals(Instant.parse("2026-03-07T10:05:04Z"), key.read().nextCheckin().orElseThrow());
        assertEquals(Duration.ofMinutes(45), key.read().gatewayInterval().orElseThrow());
    }
}
