package org.imelab.agent.win32app.lifecycle;

import static org.imelab.agent.win32app.lifecycle.AppState.DETECTING;
import static org.imelab.agent.win32app.lifecycle.AppState.DETECTING_AFTER_EXECUTION;
import static org.imelab.agent.win32app.lifecycle.AppState.DETECTING_WITHOUT_DEPENDENCY;
import static org.imelab.agent.win32app.lifecycle.AppState.DETECTING_WITH_SUPERSEDED_APP;
import static org.imelab.agent.win32app.lifecycle.AppState.DETECTING_WITH_SUPERSEDED_APP_PENDING_REBOOT;
import static org.imelab.agent.win32app.lifecycle.AppState.DOWNLOADING;
import static org.imelab.agent.win32app.lifecycle.AppState.EXECUTING;
import static org.imelab.agent.win32app.lifecycle.AppState.FAILED;
import static org.imelab.agent.win32app.lifecycle.AppState.INSTALLED;
import static org.imelab.agent.win32app.lifecycle.AppState.NEW;
import static org.imelab.agent.win32app.lifecycle.AppState.NOT_APPLICABLE;
import static org.imelab.agent.win32app.lifecycle.AppState.NOT_ATTEMPTED;
import static org.imelab.agent.win32app.lifecycle.AppState.NOT_PRESENT;
import static org.imelab.agent.win32app.lifecycle.AppState.UNPACKING;
import static org.imelab.agent.win32app.lifecycle.TransitionTable.assertTransition;
import static org.imelab.agent.win32app.lifecycle.TransitionTable.relative;
import static org.imelab.agent.win32app.lifecycle.TransitionTable.required;
import static org.imelab.agent.win32app.lifecycle.TransitionTable.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.imelab.agent.win32app.lifecycle.AppEffect.CleanupContent;
import org.imelab.agent.win32app.lifecycle.AppEffect.Detect;
import org.imelab.agent.win32app.lifecycle.AppEffect.Download;
import org.imelab.agent.win32app.lifecycle.AppEffect.EnterGrs;
import org.imelab.agent.win32app.lifecycle.AppEffect.Execute;
import org.imelab.agent.win32app.lifecycle.AppEffect.RecordResult;
import org.imelab.agent.win32app.lifecycle.AppEffect.Report;
import org.imelab.agent.win32app.lifecycle.AppEvent.Blocker;
import org.imelab.agent.win32app.lifecycle.AppEvent.DependencyBlocked;
import org.imelab.agent.win32app.lifecycle.AppEvent.Detected;
import org.imelab.agent.win32app.lifecycle.AppEvent.Downloaded;
import org.imelab.agent.win32app.lifecycle.AppEvent.Executed;
import org.imelab.agent.win32app.lifecycle.AppEvent.Unpacked;
import org.imelab.agent.win32app.lifecycle.AppFacts.Role;
import org.imelab.gateway.protocol.win32.ReturnCodeType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The transitions of detect-only dependencies and supersedence: the same pure table, one role per relative. */
class RelationsLifecycleTest {

    static Stream<Arguments> transitions() {
        AppFacts parent = required();
        AppFacts replaced = relative(Role.REPLACED);
        AppFacts afterSoftReboot = parent.withSupersededRebootPending(true);
        return Stream.of(
                // detect-only dependency: looked at, never installed, nothing to retry (no GRS)
                row(DETECTING, new Detected(true), relative(Role.DETECT_ONLY_DEPENDENCY), INSTALLED,
                        new RecordResult(AppResult.DEPENDENCY_DETECTED), new Report()),
                row(DETECTING, new Detected(false), relative(Role.DETECT_ONLY_DEPENDENCY), NOT_ATTEMPTED,
                        new RecordResult(AppResult.NOT_ATTEMPTED_AUTO_INSTALL_OFF), new Report()),
                // its parent: detected first, so an app already there is not made "not attempted"
                row(NEW, new DependencyBlocked(Blocker.DEPENDENCY_AUTO_INSTALL_OFF), parent,
                        DETECTING_WITHOUT_DEPENDENCY, new Detect()),
                row(DETECTING_WITHOUT_DEPENDENCY, new Detected(false), parent, NOT_ATTEMPTED,
                        new RecordResult(AppResult.NOT_ATTEMPTED_DEPENDENCY_AUTO_INSTALL_OFF), new Report()),
                row(DETECTING_WITHOUT_DEPENDENCY, new Detected(true), parent, INSTALLED,
                        new RecordResult(AppResult.INSTALLED_DEPENDENCY_AUTO_INSTALL_OFF), new Report()),
                // superseded and left in place
                row(DETECTING, new Detected(true), relative(Role.SUPERSEDED_KEPT), INSTALLED,
                        new RecordResult(AppResult.SUPERSEDED_DETECTED), new Report()),
                row(DETECTING, new Detected(false), relative(Role.SUPERSEDED_KEPT), NOT_PRESENT,
                        new RecordResult(AppResult.SUPERSEDED_NOT_DETECTED), new Report()),
                row(DETECTING, new Detected(true), relative(Role.SUPERSEDED_UPDATED), INSTALLED,
                        new RecordResult(AppResult.SUPERSEDING_APPS_DETECTED), new Report()),
                row(DETECTING, new Detected(false), relative(Role.SUPERSEDED_UPDATED), NOT_PRESENT,
                        new RecordResult(AppResult.SUPERSEDED_NOT_DETECTED), new Report()),
                row(DETECTING, new Detected(true), relative(Role.SUCCESSORS_NOT_APPLICABLE), NOT_APPLICABLE,
                        new RecordResult(AppResult.NOT_APPLICABLE), new Report()),
                row(INSTALLED, new AppEvent.SupersededAppsDetected(), parent, INSTALLED,
                        new RecordResult(AppResult.INSTALLED_SUPERSEDED_APPS_DETECTED), new Report()),
                // replaced: uninstalled with its own command, no requirement check
                row(DETECTING, new Detected(true), replaced, DOWNLOADING, new Download()),
                row(DETECTING, new Detected(false), replaced, NOT_PRESENT,
                        new RecordResult(AppResult.REPLACED_NOT_PRESENT), new Report()),
                row(UNPACKING, new Unpacked(true, 0), replaced, EXECUTING, new Execute(true)),
                row(EXECUTING, new Executed(ReturnCodeType.SUCCESS, 0), replaced, DETECTING_AFTER_EXECUTION, new Detect()),
                row(DETECTING_AFTER_EXECUTION, new Detected(false), replaced, NOT_PRESENT,
                        new RecordResult(AppResult.REMOVED_BY_SUPERSEDENCE), new Report(), new CleanupContent()),
                row(DETECTING_AFTER_EXECUTION, new Detected(true), replaced, FAILED,
                        new RecordResult(AppResult.FAILED_SUPERSEDED_STILL_DETECTED), new EnterGrs(), new Report(),
                        new CleanupContent()),
                row(EXECUTING, new Executed(ReturnCodeType.FAILED, 1603), replaced, FAILED,
                        new RecordResult(AppResult.FAILED_SUPERSEDED_UNINSTALL), new EnterGrs(), new Report(),
                        new CleanupContent()),
                row(DOWNLOADING, new Downloaded(false, 1), replaced, FAILED,
                        new RecordResult(AppResult.FAILED_SUPERSEDED_UNINSTALL), new EnterGrs(), new Report(),
                        new CleanupContent()),
                // its successor
                row(NEW, new DependencyBlocked(Blocker.SUPERSEDED_UNINSTALL_FAILED), parent,
                        DETECTING_WITH_SUPERSEDED_APP, new Detect()),
                row(DETECTING_WITH_SUPERSEDED_APP, new Detected(false), parent, NOT_ATTEMPTED,
                        new RecordResult(AppResult.NOT_ATTEMPTED_SUPERSEDED_UNINSTALL_FAILED), new EnterGrs(),
                        new Report()),
                row(NEW, new DependencyBlocked(Blocker.SUPERSEDED_UNINSTALL_PENDING), parent,
                        AppState.WAITING_FOR_SUPERSEDED,
                        new RecordResult(AppResult.PENDING_UNINSTALL_OF_SUPERSEDED_APPS), new Report()),
                row(DETECTING_WITH_SUPERSEDED_APP, new Detected(true), parent, INSTALLED,
                        new RecordResult(AppResult.INSTALLED_SUPERSEDED_UNINSTALL_FAILED), new Report()),
                // replaced with a reboot code: soft still removed (1016), hard pending the restart (2011)
                row(DETECTING_AFTER_EXECUTION, new Detected(false), replaced.withLastExit(ReturnCodeType.SOFT_REBOOT),
                        NOT_PRESENT, new RecordResult(AppResult.REMOVED_BY_SUPERSEDENCE_SOFT_REBOOT), new Report(),
                        new CleanupContent()),
                row(DETECTING_AFTER_EXECUTION, new Detected(false), replaced.withLastExit(ReturnCodeType.HARD_REBOOT),
                        NOT_PRESENT, new RecordResult(AppResult.REMOVED_BY_SUPERSEDENCE_HARD_REBOOT), new Report(),
                        new CleanupContent()),
                row(DETECTING_AFTER_EXECUTION, new Detected(true), replaced.withLastExit(ReturnCodeType.SOFT_REBOOT),
                        FAILED, new RecordResult(AppResult.FAILED_SUPERSEDED_STILL_DETECTED), new EnterGrs(),
                        new Report(), new CleanupContent()),
                // its successor after a soft reboot code: installs, its success says the restart is pending (1013)
                row(DETECTING_AFTER_EXECUTION, new Detected(true), afterSoftReboot.withLastExit(ReturnCodeType.SUCCESS),
                        INSTALLED, new RecordResult(AppResult.INSTALLED_SUPERSEDED_UNINSTALL_PENDING_REBOOT),
                        new Report(), new CleanupContent()),
                row(DETECTING_AFTER_EXECUTION, new Detected(true),
                        afterSoftReboot.withLastExit(ReturnCodeType.HARD_REBOOT), INSTALLED,
                        new RecordResult(AppResult.INSTALLED_HARD_REBOOT), new Report(), new CleanupContent()),
                row(DETECTING, new Detected(true), afterSoftReboot, INSTALLED,
                        new RecordResult(AppResult.INSTALLED_SUPERSEDED_UNINSTALL_PENDING_REBOOT), new Report()),
                row(DETECTING, new Detected(false), afterSoftReboot, AppState.CHECKING_APPLICABILITY,
                        new AppEffect.EvaluateApplicability()),
                // after a hard reboot code: not attempted until the restart (6010, no GRS), or there already (1013)
                row(NEW, new DependencyBlocked(Blocker.SUPERSEDED_UNINSTALL_PENDING_REBOOT), parent,
                        DETECTING_WITH_SUPERSEDED_APP_PENDING_REBOOT, new Detect()),
                row(DETECTING_WITH_SUPERSEDED_APP_PENDING_REBOOT, new Detected(false), parent, NOT_ATTEMPTED,
                        new RecordResult(AppResult.NOT_ATTEMPTED_SUPERSEDED_UNINSTALL_PENDING_REBOOT), new Report()),
                row(DETECTING_WITH_SUPERSEDED_APP_PENDING_REBOOT, new Detected(true), parent, INSTALLED,
                        new RecordResult(AppResult.INSTALLED_SUPERSEDED_UNINSTALL_PENDING_REBOOT), new Report()));
    }

    @ParameterizedTest(name = "{2} {0} + {1} -> {3}")
    @MethodSource("transitions")
    void transitionTable(AppState from, AppEvent event, AppFacts facts, AppState to, List<AppEffect> effects) {
        assertTransition(from, event, facts, to, effects);
    }

    @ParameterizedTest
    @MethodSource("enforcedRoles")
    void anEnforcedRelativeIsInstalledLikeAnyApp(AppFacts facts) {
        assertEquals(AppState.CHECKING_APPLICABILITY, Win32AppLifecycle.next(DETECTING, new Detected(false), facts).to());
        assertEquals(DETECTING, Win32AppLifecycle.next(NEW, new AppEvent.Begin(), facts).to());
    }

    static Stream<AppFacts> enforcedRoles() {
        return Stream.of(relative(Role.ENFORCED), required());
    }
}
