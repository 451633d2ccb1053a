package org.imelab.agent.win32app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.imelab.agent.win32app.graph.AppRef;
import org.imelab.agent.win32app.graph.Relation;
import org.imelab.agent.win32app.lifecycle.AppFacts.Role;
import org.imelab.agent.win32app.lifecycle.AppResult;
import org.imelab.agent.win32app.lifecycle.AppState;
import org.imelab.gateway.protocol.win32.Intent;
import org.imelab.gateway.protocol.win32.Win32AppPolicy;
import org.junit.jupiter.api.Test;

/** The roles relations give untargeted relatives, and what a relative's outcome means for the app after it. */
class DesiredStatesTest {
    static final String NEW = "a0000000-0000-4000-8000-00000000000a";
    static final String OLD = "b0000000-0000-4000-8000-00000000000b";
    static final AppRef NEW_REF = new AppRef(NEW, 1);
    static final AppRef OLD_REF = new AppRef(OLD, 1);

    static Map<String, Win32AppPolicy> apps(Intent newIntent, Intent oldIntent) {
        return Map.of(NEW, Win32AppPolicy.builder(NEW, "New", 1).intent(newIntent).build(),
                OLD, Win32AppPolicy.builder(OLD, "Old", 1).intent(oldIntent).build());
    }

    static DesiredStates desired(int action, Map<String, Win32AppPolicy> apps, Predicate<AppRef> wanted,
            boolean successorApplicable) {
        return new DesiredStates(List.of(new Relation(NEW, OLD, action)), apps, wanted, p -> successorApplicable);
    }

    static AppPass.Outcome outcome(AppRef app, AppState state, AppResult result, Integer error) {
        return new AppPass.Outcome(app, state, Optional.ofNullable(result), false, Optional.<Instant>empty(), true,
                Optional.ofNullable(error));
    }

    @Test
    void replaceRemovesAnUntargetedAppOnlyForASuccessorThatInstallsAndIsApplicable() {
        Map<String, Win32AppPolicy> apps = apps(Intent.REQUIRED, Intent.NOT_TARGETED);
        assertEquals(Role.REPLACED, desired(110, apps, a -> true, true).role(OLD_REF, Map.of()));
        assertEquals(Role.SUCCESSORS_NOT_APPLICABLE, desired(110, apps, a -> true, false).role(OLD_REF, Map.of()));
        // a successor filtered out, or available and not asked for, installs nothing: the old app stays
        assertEquals(Role.SUPERSEDED_KEPT, desired(110, apps, a -> false, true).role(OLD_REF, Map.of()));
    }

    @Test
    void anAssignedSupersededAppFollowsItsOwnAssignment() {
        for (Intent own : new Intent[] {Intent.REQUIRED, Intent.AVAILABLE, Intent.UNINSTALL}) {
            assertEquals(Role.ENFORCED, desired(110, apps(Intent.REQUIRED, own), a -> true, true).role(OLD_REF, Map.of()));
        }
    }

    @Test
    void updateKeepsTheOldAppAndNamesItsSuccessorWhenThatInstalled() {
        DesiredStates d = desired(100, apps(Intent.REQUIRED, Intent.NOT_TARGETED), a -> true, true);
        assertEquals(Role.SUPERSEDED_KEPT, d.role(OLD_REF, Map.of()));
        assertEquals(Role.SUPERSEDED_UPDATED, d.role(OLD_REF, Map.of(NEW, outcome(NEW_REF, AppState.INSTALLED,
                AppResult.INSTALLED, null))));
        assertEquals(Role.SUPERSEDED_KEPT, d.role(OLD_REF, Map.of(NEW, outcome(NEW_REF, AppState.FAILED,
                AppResult.FAILED_EXIT_CODE, 1603))));
    }

    @Test
    void aDependencyIsDetectOnlyOnlyWhenNoAppNeedsItInstalled() {
        Map<String, Win32AppPolicy> apps = apps(Intent.REQUIRED, Intent.NOT_TARGETED);
        assertEquals(Role.DETECT_ONLY_DEPENDENCY, desired(0, apps, a -> true, true).role(OLD_REF, Map.of()));
        assertEquals(Role.ENFORCED, desired(10, apps, a -> true, true).role(OLD_REF, Map.of()));
        String other = "c0000000-0000-4000-8000-00000000000c";
        Map<String, Win32AppPolicy> three = new java.util.HashMap<>(apps);
        three.put(other, Win32AppPolicy.builder(other, "Other", 1).intent(Intent.REQUIRED).build());
        DesiredStates both = new DesiredStates(List.of(new Relation(NEW, OLD, 0), new Relation(other, OLD, 10)),
                three, a -> true, p -> true);
        assertEquals(Role.ENFORCED, both.role(OLD_REF, Map.of()), "one auto-install relation is enough");
        assertEquals(Role.ENFORCED, desired(0, apps(Intent.REQUIRED, Intent.REQUIRED), a -> true, true)
                .role(OLD_REF, Map.of()), "assigned itself: installed by its own assignment");
    }

    @Test
    void relativesBlockTheirParentByKindWithTheStrongestWinning() {
        DesiredStates replace = desired(110, apps(Intent.REQUIRED, Intent.NOT_TARGETED), a -> true, true);
        DesiredStates.Blocking b = replace.blocking(NEW_REF, Map.of(OLD, outcome(OLD_REF, AppState.FAILED,
                AppResult.FAILED_SUPERSEDED_UNINSTALL, 1603)), Set.of());
        assertEquals(DesiredStates.Kind.SUPERSEDED_UNINSTALL_FAILED, b.kind());
        assertEquals(Optional.of(1603), b.errorCode());
        assertEquals(DesiredStates.Kind.NONE, replace.blocking(NEW_REF, Map.of(OLD, outcome(OLD_REF, AppState.NOT_PRESENT,
                AppResult.REMOVED_BY_SUPERSEDENCE, 0)), Set.of()).kind());
        assertEquals(DesiredStates.Kind.SUPERSEDED_UNINSTALL_PENDING, replace.blocking(NEW_REF, Map.of(OLD,
                outcome(OLD_REF, AppState.WAITING_RETRY, AppResult.RETRY_PENDING, 1618)), Set.of()).kind());
        assertEquals(DesiredStates.Kind.WAIT, replace.blocking(NEW_REF, Map.of(), Set.of(OLD)).kind(),
                "a superseded app not looked at in this pass (its retry is not due) holds the successor back");

        DesiredStates detect = desired(0, apps(Intent.REQUIRED, Intent.NOT_TARGETED), a -> true, true);
        assertEquals(DesiredStates.Kind.AUTO_INSTALL_OFF, detect.blocking(NEW_REF, Map.of(OLD, outcome(OLD_REF,
                AppState.NOT_ATTEMPTED, AppResult.NOT_ATTEMPTED_AUTO_INSTALL_OFF, null)), Set.of()).kind());
        assertEquals(DesiredStates.Kind.AUTO_INSTALL_OFF, detect.blocking(NEW_REF, Map.of(OLD, outcome(OLD_REF,
                AppState.NOT_ATTEMPTED, AppResult.NOT_ATTEMPTED_DEPENDENCY_AUTO_INSTALL_OFF, null)), Set.of()).kind(),
                "down a chain of dependencies");
        assertEquals(DesiredStates.Kind.FAILED, detect.blocking(NEW_REF, Map.of(OLD, outcome(OLD_REF,
                AppState.NOT_ATTEMPTED, AppResult.NOT_ATTEMPTED_DEPENDENCY_FAILED, null)), Set.of()).kind());
        assertEquals(DesiredStates.Kind.NONE, detect.blocking(NEW_REF, Map.of(OLD, outcome(OLD_REF, AppState.INSTALLED,
                AppResult.DEPENDENCY_DETECTED, 0)), Set.of()).kind());
        // an update's superseded app is looked at after its successor: it never blocks it
        DesiredStates update = desired(100, apps(Intent.REQUIRED, Intent.NOT_TARGETED), a -> true, true);
        assertEquals(DesiredStates.Kind.NONE, update.blocking(NEW_REF, Map.of(OLD, outcome(OLD_REF, AppState.FAILED,
                AppResult.FAILED_EXIT_CODE, 1)), Set.of()).kind());
    }
    @Test
    void aReplacedAppRemovedWithARebootCodeLetsItsSuccessorInstallOrHoldsItUntilTheRestart() {
        DesiredStates replace = desired(110, apps(Intent.REQUIRED, Intent.NOT_TARGETED), a -> true, true);
        DesiredStates.Blocking soft = replace.blocking(NEW_REF, Map.of(OLD, outcome(OLD_REF, AppState.NOT_PRESENT,
                AppResult.REMOVED_BY_SUPERSEDENCE_SOFT_REBOOT, 3010)), Set.of());
        assertEquals(DesiredStates.Kind.SUPERSEDED_UNINSTALL_SOFT_REBOOT, soft.kind());
        assertEquals(null, soft.kind().blocker, "a soft reboot code does not block: the successor installs (1013)");
        DesiredStates.Blocking hard = replace.blocking(NEW_REF, Map.of(OLD, outcome(OLD_REF, AppState.NOT_PRESENT,
                AppResult.REMOVED_BY_SUPERSEDENCE_HARD_REBOOT, 1641)), Set.of());
        assertEquals(DesiredStates.Kind.SUPERSEDED_UNINSTALL_PENDING_REBOOT, hard.kind());
        assertEquals(Optional.empty(), hard.errorCode(), "6010 carries no error: nothing failed");
        // after the restart the old app is simply not there
        assertEquals(DesiredStates.Kind.NONE, replace.blocking(NEW_REF, Map.of(OLD, outcome(OLD_REF,
                AppState.NOT_PRESENT, AppResult.REPLACED_NOT_PRESENT, null)), Set.of()).kind());

        // an app needing a successor held back by the restart waits with it, instead of failing (6001)
        DesiredStates dependency = desired(10, apps(Intent.REQUIRED, Intent.NOT_TARGETED), a -> true, true);
        assertEquals(DesiredStates.Kind.WAIT, dependency.blocking(NEW_REF, Map.of(OLD, outcome(OLD_REF,
                AppState.NOT_ATTEMPTED, AppResult.NOT_ATTEMPTED_SUPERSEDED_UNINSTALL_PENDING_REBOOT, null)), Set.of())
                .kind());
    }
}
