package org.imelab.agent.win32app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.imelab.agent.win32app.lifecycle.AppFacts.PendingReboot;
import org.imelab.registry.ime.EnforcementState;
import org.imelab.registry.ime.EnforcementStateMessage;
import org.imelab.registry.ime.Scope;
import org.imelab.registry.ime.TargetingMethod;
import org.imelab.registry.ime.Win32AppKey;
import org.imelab.registry.ime.Win32AppRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which recorded results wait for a restart, and when the device's boot time says it came. */
class PendingRebootsTest {
    static final String APP = "f1000000-0000-4000-8000-000000000001";
    static final Instant WRITTEN = Instant.parse("2026-11-22T08:00:00Z");
    static final PendingReboots BOOTED_AFTER = new PendingReboots(WRITTEN.plusSeconds(60));
    static final PendingReboots BOOTED_BEFORE = new PendingReboots(WRITTEN.minusSeconds(3600));

    static Optional<Win32AppRecord> record(EnforcementState state, Integer code) {
        return Optional.of(new Win32AppRecord(Scope.DEVICE, Win32AppKey.of(APP, 1), Optional.of(WRITTEN),
                Optional.empty(), Optional.of(new EnforcementStateMessage(state, code,
                        TargetingMethod.EgatTargetedApplication))));
    }

    @Test
    void anInstallPendingAHardRebootWaitsUntilTheDeviceBootsAfterIt() {
        Optional<Win32AppRecord> r = record(EnforcementState.InProgressPendingReboot, 1641);
        assertEquals(PendingReboot.WAITING, BOOTED_BEFORE.of(APP, r, false));
        assertEquals(PendingReboot.RESTARTED, BOOTED_AFTER.of(APP, r, false));
        assertEquals(PendingReboot.WAITING, new PendingReboots(WRITTEN).of(APP, r, false), "the same second: not after");
        assertEquals(PendingReboot.NONE, BOOTED_AFTER.of(APP, r, true), "the admin turned it into an uninstall");
    }

    @Test
    void anUninstallPendingAHardRebootIsAnUninstallsFact() {
        Optional<Win32AppRecord> r = record(EnforcementState.InProgressUninstallPendingReboot, 1641);
        assertEquals(PendingReboot.RESTARTED, BOOTED_AFTER.of(APP, r, true));
        assertEquals(PendingReboot.WAITING, BOOTED_BEFORE.of(APP, r, true));
        assertEquals(PendingReboot.NONE, BOOTED_AFTER.of(APP, r, false));
    }

    @ParameterizedTest
    @EnumSource(value = EnforcementState.class, names = {"InProgressPendingReboot", "InProgressUninstallPendingReboot",
        "NotAttemptedSupersededAppUninstallPendingReboot"})
    void theseStatesBringTheSubgraphBackAfterTheRestart(EnforcementState state) {
        assertTrue(BOOTED_AFTER.restartedSince(record(state, null)));
        assertFalse(BOOTED_BEFORE.restartedSince(record(state, null)));
    }

    @ParameterizedTest
    @EnumSource(value = EnforcementState.class, names = {"Success", "SuccessUninstallPendingReboot"})
    void softRebootResultsWaitForNothing(EnforcementState state) {
        assertFalse(BOOTED_AFTER.restartedSince(record(state, 3010)));
        assertEquals(PendingReboot.NONE, BOOTED_AFTER.of(APP, record(state, 3010), false));
        assertEquals(PendingReboot.NONE, BOOTED_AFTER.of(APP, Optional.empty(), false));
    }
}
