package org.imelab.agent.win32app.lifecycle;

import static org.imelab.agent.win32app.lifecycle.AppState.CHECKING_APPLICABILITY;
import static org.imelab.agent.win32app.lifecycle.AppState.DETECTING;
import static org.imelab.agent.win32app.lifecycle.AppState.DOWNLOADING;
import static org.imelab.agent.win32app.lifecycle.AppState.INSTALLED;
import static org.imelab.agent.win32app.lifecycle.AppState.NEW;
import static org.imelab.agent.win32app.lifecycle.AppState.NOT_PRESENT;
import static org.imelab.agent.win32app.lifecycle.AppState.PENDING_REBOOT;
import static org.imelab.agent.win32app.lifecycle.TransitionTable.assertTransition;
import static org.imelab.agent.win32app.lifecycle.TransitionTable.relative;
import static org.imelab.agent.win32app.lifecycle.TransitionTable.required;
import static org.imelab.agent.win32app.lifecycle.TransitionTable.row;
import static org.imelab.agent.win32app.lifecycle.TransitionTable.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.imelab.agent.win32app.lifecycle.AppEffect.Detect;
import org.imelab.agent.win32app.lifecycle.AppEffect.Download;
import org.imelab.agent.win32app.lifecycle.AppEffect.EvaluateApplicability;
import org.imelab.agent.win32app.lifecycle.AppEffect.RecordResult;
import org.imelab.agent.win32app.lifecycle.AppEffect.Report;
import org.imelab.agent.win32app.lifecycle.AppEvent.Begin;
import org.imelab.agent.win32app.lifecycle.AppEvent.Detected;
import org.imelab.agent.win32app.lifecycle.AppFacts.PendingReboot;
import org.imelab.agent.win32app.lifecycle.AppFacts.Role;
import org.imelab.registry.ime.Intent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Results waiting for a device restart (2008 for an install, 2011 for an uninstall or a Replace): kept as
 * they are until the device restarted, then completed from a fresh detection. The same pure table.
 */
class PendingRebootLifecycleTest {

    static Stream<Arguments> transitions() {
        AppFacts install = required();
        AppFacts uninstall = with(Intent.RequiredUninstall);
        AppFacts replaced = relative(Role.REPLACED);
        return Stream.of(
                // not restarted yet: nothing is looked at, written or reported
                row(NEW, new Begin(), install.withPendingReboot(PendingReboot.WAITING), PENDING_REBOOT),
                row(NEW, new Begin(), uninstall.withPendingReboot(PendingReboot.WAITING), PENDING_REBOOT),
                row(NEW, new Begin(), replaced.withPendingReboot(PendingReboot.WAITING), PENDING_REBOOT),
                // restarted: detected again
                row(NEW, new Begin(), install.withPendingReboot(PendingReboot.RESTARTED), DETECTING, new Detect()),
                // an install there after the restart is done: 1000
                row(DETECTING, new Detected(true), install.withPendingReboot(PendingReboot.RESTARTED), INSTALLED,
                        new RecordResult(AppResult.INSTALLED_AFTER_RESTART), new Report()),
                // not there after all: installed again like any app that is missing
                row(DETECTING, new Detected(false), install.withPendingReboot(PendingReboot.RESTARTED),
                        CHECKING_APPLICABILITY, new EvaluateApplicability()),
                // an uninstall gone after the restart is done: 1000; still there, it is removed again
                row(DETECTING, new Detected(false), uninstall.withPendingReboot(PendingReboot.RESTARTED), NOT_PRESENT,
                        new RecordResult(AppResult.UNINSTALLED_AFTER_RESTART), new Report()),
                row(DETECTING, new Detected(true), uninstall.withPendingReboot(PendingReboot.RESTARTED), DOWNLOADING,
                        new Download()),
                // a replaced app gone after the restart was removed by supersedence: 1016
                row(DETECTING, new Detected(false), replaced.withPendingReboot(PendingReboot.RESTARTED), NOT_PRESENT,
                        new RecordResult(AppResult.REMOVED_BY_SUPERSEDENCE), new Report()),
                row(DETECTING, new Detected(true), replaced.withPendingReboot(PendingReboot.RESTARTED), DOWNLOADING,
                        new Download()),
                // nothing pending: the ordinary rows
                row(DETECTING, new Detected(true), install, INSTALLED, new RecordResult(AppResult.INSTALLED),
                        new Report()),
                row(DETECTING, new Detected(false), replaced, NOT_PRESENT,
                        new RecordResult(AppResult.REPLACED_NOT_PRESENT), new Report()));
    }

    @ParameterizedTest(name = "{2} {0} + {1} -> {3}")
    @MethodSource("transitions")
    void transitionTable(AppState from, AppEvent event, AppFacts facts, AppState to, List<AppEffect> effects) {
        assertTransition(from, event, facts, to, effects);
    }

    @Test
    void aKeptResultEndsThePass() {
        assertEquals(true, PENDING_REBOOT.endsPass());
        assertThrows(IllegalStateException.class, () -> Win32AppLifecycle.next(PENDING_REBOOT, new Begin(),
                required()));
    }

    @Test
    void factsCarryThePendingRebootThroughEveryCopy() {
        AppFacts f = required().withPendingReboot(PendingReboot.RESTARTED);
        assertEquals(PendingReboot.RESTARTED, f.withRole(Role.ENFORCED).withRetriesDone(1).withContentStaged(true)
                .withSupersededRebootPending(false).withLastExit(org.imelab.gateway.protocol.win32.ReturnCodeType.SUCCESS)
                .pendingReboot());
        assertEquals(PendingReboot.NONE, required().pendingReboot());
    }
}
