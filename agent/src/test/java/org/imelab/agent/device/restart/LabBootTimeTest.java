package org.imelab.agent.device.restart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.imelab.registry.RegValue;
import org.imelab.registry.ime.ImeLayout;
import org.imelab.registry.ime.LabRestartKey;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.Test;

/** The effective boot time: the later of the machine's boot and the lab's simulated restart. */
class LabBootTimeTest {
    static final Instant BOOT = Instant.parse("2026-11-22T06:00:00Z");

    @Test
    void theLaterOfTheTwoCounts() {
        try (MemoryRegistry registry = new MemoryRegistry()) {
            LabRestartKey key = new LabRestartKey(registry, ImeLayout.standard());
            LabBootTime boot = new LabBootTime(() -> BOOT, key);
            assertEquals(BOOT, boot.lastBoot(), "no simulated restart yet");
            key.recordSimulatedRestart(BOOT.minusSeconds(60));
            assertEquals(BOOT, boot.lastBoot(), "a simulated restart before the real boot is history");
            key.recordSimulatedRestart(Instant.parse("2026-11-22T09:30:00.700Z"));
            assertEquals(Instant.parse("2026-11-22T09:30:00Z"), boot.lastBoot(), "stored in whole seconds");
            assertEquals("HKLM\\SOFTWARE\\imelab\\Device", key.deviceKey().toShortString());
        }
    }

    @Test
    void anUnreadableSimulatedRestartIsIgnoredAndOnlyDword1AllowsRestarts() {
        try (MemoryRegistry registry = new MemoryRegistry()) {
            LabRestartKey key = new LabRestartKey(registry, ImeLayout.standard());
            registry.put(key.deviceKey(), LabRestartKey.SIMULATED_RESTART_TIME, RegValue.sz("tomorrow"));
            assertEquals(BOOT, new LabBootTime(() -> BOOT, key).lastBoot());
            assertEquals(false, key.allowDeviceRestart(), "default: never");
            registry.put(key.settingsKey(), LabRestartKey.ALLOW_DEVICE_RESTART, RegValue.dword(2));
            assertEquals(false, key.allowDeviceRestart());
            key.setAllowDeviceRestart(true);
            assertEquals(true, key.allowDeviceRestart());
        }
    }
}
