package org.imelab.agent.win32app.lifecycle;

import org.imelab.gateway.protocol.win32.ReturnCodeType;
import static org.imelab.agent.win32app.lifecycle.AppState.*;
import static org.imelab.agent.win32app.lifecycle.TransitionTable.assertTransition;
import static org.imelab.agent.win32app.lifecycle.TransitionTable.required;
import static org.imelab.agent.win32app.lifecycle.TransitionTable.row;
import static org.imelab.agent.win32app.lifecycle.TransitionTable.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.imelab.agent.win32app.lifecycle.AppEffect.*;
import org.imelab.agent.win32app.lifecycle.AppEvent.*;
import org.imelab.agent.win32app.lifecycle.AppFacts.GrsStatus;
import org.imelab.registry.ime.Intent;
import org.imelab.agent.win32app.lifecycle.AppFacts.ScheduleWindow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class Win32AppLifecycleTest {

    static AppFacts window(ScheduleWindow w, boolean staged) {
        return new AppFacts(Intent.RequiredInstall, false, w, GrsStatus.NO_VALUE, 0, 3, Duration.ofMinutes(5), staged, Optional.empty());
    }

    static AppFacts grs(Intent intent, GrsStatus status, boolean requested) {
        return new AppFacts(intent, requested, ScheduleWindow.UNSCHEDULED, status, 0, 3, Duration.ofMinutes(5), false, Optional.empty());
    }

    static final AppEffect FAIL_TAIL_GRS = new EnterGrs();

    static Stream<Arguments> transitions() {
        return Stream.of(
                row(NEW, new Begin(), required(), DETECTING, new Detect()),
                row(NEW, new DependencyBlocked(false), required(), NOT_ATTEMPTED, new RecordResult(AppResult.NOT_ATTEMPTED_DEPENDENCY_FAILED), FAIL_TAIL_GRS, new Report()),
                row(NEW, new DependencyBlocked(true), required(), NOT_ATTEMPTED, new RecordResult(AppResult.NOT_ATTEMPTED_DEPENDENCY_NOT_APPLICABLE), new Report()),
                row(DETECTING, new Detected(true), required(), INSTALLED, new RecordResult(AppResult.INSTALLED), new Report()),
                row(DETECTING, new Detected(false), required(), CHECKING_APPLICABILITY, new EvaluateApplicability()),
                row(DETECTING, new Detected(false), with(Intent.RequiredUninstall), NOT_PRESENT, new RecordResult(AppResult.NOT_PRESENT), new Report()),
                row(DETECTING, new Detected(true), with(Intent.RequiredUninstall), DOWNLOADING, new Download()),
                row(CHECKING_APPLICABILITY, new ApplicabilityEvaluated(1008), required(), NOT_APPLICABLE, new RecordResult(AppResult.NOT_APPLICABLE), new Report()),
                row(CHECKING_APPLICABILITY, new ApplicabilityEvaluated(0), required(), DOWNLOADING, new Download()),
                row(CHECKING_APPLICABILITY, new ApplicabilityEvaluated(0), with(Intent.NotTargeted), DOWNLOADING, new Download()),
                row(CHECKING_APPLICABILITY, new ApplicabilityEvaluated(0), with(Intent.AvailableInstall), AVAILABLE, new RecordResult(AppResult.AVAILABLE_NOT_INSTALLED), new Report()),
                row(CHECKING_APPLICABILITY, new ApplicabilityEvaluated(0), grs(Intent.RequiredInstall, GrsStatus.NOT_EXPIRED, false), IN_GRS),
                row(CHECKING_APPLICABILITY, new ApplicabilityEvaluated(0), grs(Intent.RequiredInstall, GrsStatus.EXPIRED, false), DOWNLOADING, new Download()),
                row(CHECKING_APPLICABILITY, new ApplicabilityEvaluated(0), grs(Intent.AvailableInstall, GrsStatus.NOT_EXPIRED, true), DOWNLOADING, new Download()),
                row(CHECKING_APPLICABILITY, new ApplicabilityEvaluated(0), window(ScheduleWindow.BEFORE_START, false), WAITING_SCHEDULE, new RecordResult(AppResult.WAITING_SCHEDULE), new Report()),
                row(CHECKING_APPLICABILITY, new ApplicabilityEvaluated(0), window(ScheduleWindow.BEFORE_DEADLINE, false), DOWNLOADING, new Download()),
                row(CHECKING_APPLICABILITY, new ApplicabilityEvaluated(0), window(ScheduleWindow.BEFORE_DEADLINE, true), CONTENT_CACHED, new RecordResult(AppResult.CONTENT_CACHED), new Report()),
                row(CHECKING_APPLICABILITY, new ApplicabilityEvaluated(0), window(ScheduleWindow.DEADLINE_REACHED, true), EXECUTING, new Execute(false)),
                row(DOWNLOADING, new Downloaded(true, 0), required(), VERIFYING, new VerifyAndDecrypt()),
                row(DOWNLOADING, new Downloaded(false, 1), required(), FAILED, new RecordResult(AppResult.FAILED_DOWNLOAD), FAIL_TAIL_GRS, new Report(), new CleanupContent()),
                row(VERIFYING, new Verified(true, 0), required(), UNPACKING, new Unpack()),
                row(VERIFYING, new Verified(false, 1), required(), FAILED, new RecordResult(AppResult.FAILED_CONTENT), FAIL_TAIL_GRS, new Report(), new CleanupContent()),
                row(UNPACKING, new Unpacked(true, 0), required(), EXECUTING, new Execute(false)),
                row(UNPACKING, new Unpacked(true, 0), window(ScheduleWindow.BEFORE_DEADLINE, false), CONTENT_CACHED, new RecordResult(AppResult.CONTENT_CACHED), new Report()),
                row(UNPACKING, new Unpacked(true, 0), with(Intent.RequiredUninstall), EXECUTING, new Execute(true)),
                row(UNPACKING, new Unpacked(false, 1), required(), FAILED, new RecordResult(AppResult.FAILED_CONTENT), FAIL_TAIL_GRS, new Report(), new CleanupContent()),
                row(EXECUTING, new Executed(ReturnCodeType.SUCCESS, 0), required(), DETECTING_AFTER_EXECUTION, new Detect()),
                row(EXECUTING, new Executed(ReturnCodeType.SOFT_REBOOT, 3010), required(), DETECTING_AFTER_EXECUTION, new Detect()),
                row(EXECUTING, new Executed(ReturnCodeType.RETRY, 1618), required(), WAITING_RETRY, new ScheduleRetry(1, Duration.ofMinutes(5)), new RecordResult(AppResult.RETRY_PENDING), new Report()),
                row(EXECUTING, new Executed(ReturnCodeType.RETRY, 1618), required().withRetriesDone(3), FAILED, new RecordResult(AppResult.FAILED_EXIT_CODE), FAIL_TAIL_GRS, new Report(), new CleanupContent()),
                row(EXECUTING, new Executed(ReturnCodeType.FAILED, 1603), required(), FAILED, new RecordResult(AppResult.FAILED_EXIT_CODE), FAIL_TAIL_GRS, new Report(), new CleanupContent()),
                row(EXECUTING, new TimedOut(), required(), FAILED, new RecordResult(AppResult.FAILED_TIMEOUT), FAIL_TAIL_GRS, new Report(), new CleanupContent()),
                row(EXECUTING, new LaunchFailed(2), required(), FAILED, new RecordResult(AppResult.FAILED_LAUNCH), FAIL_TAIL_GRS, new Report(), new CleanupContent()),
                row(DETECTING_AFTER_EXECUTION, new Detected(true), required().withLastExit(ReturnCodeType.SUCCESS), INSTALLED, new RecordResult(AppResult.INSTALLED), new Report(), new CleanupContent()),
                row(DETECTING_AFTER_EXECUTION, new Detected(true), required().withLastExit(ReturnCodeType.SOFT_REBOOT), INSTALLED, new RecordResult(AppResult.INSTALLED_SOFT_REBOOT), new Report(), new CleanupContent()),
                row(DETECTING_AFTER_EXECUTION, new Detected(true), required().withLastExit(ReturnCodeType.HARD_REBOOT), INSTALLED, new RecordResult(AppResult.INSTALLED_HARD_REBOOT), new Report(), new CleanupContent()),
                row(DETECTING_AFTER_EXECUTION, new Detected(false), required(), FAILED, new RecordResult(AppResult.FAILED_NOT_DETECTED), FAIL_TAIL_GRS, new Report(), new CleanupContent()),
                row(DETECTING_AFTER_EXECUTION, new Detected(false), with(Intent.RequiredUninstall), NOT_PRESENT, new RecordResult(AppResult.NOT_PRESENT), new Report(), new CleanupContent()),
                row(DETECTING_AFTER_EXECUTION, new Detected(true), with(Intent.RequiredUninstall), FAILED, new RecordResult(AppResult.FAILED_STILL_DETECTED), FAIL_TAIL_GRS, new Report(), new CleanupContent()),
                // an uninstaller asking for a reboot: done pending a soft (1011) or hard (2011) restart
                row(EXECUTING, new Executed(ReturnCodeType.HARD_REBOOT, 1641), with(Intent.RequiredUninstall), DETECTING_AFTER_EXECUTION, new Detect()),
                row(DETECTING_AFTER_EXECUTION, new Detected(false), with(Intent.RequiredUninstall).withLastExit(ReturnCodeType.SOFT_REBOOT), NOT_PRESENT, new RecordResult(AppResult.UNINSTALLED_SOFT_REBOOT), new Report(), new CleanupContent()),
                row(DETECTING_AFTER_EXECUTION, new Detected(false), with(Intent.RequiredUninstall).withLastExit(ReturnCodeType.HARD_REBOOT), NOT_PRESENT, new RecordResult(AppResult.UNINSTALLED_HARD_REBOOT), new Report(), new CleanupContent()),
                row(DETECTING_AFTER_EXECUTION, new Detected(false), with(Intent.RequiredUninstall).withLastExit(ReturnCodeType.SUCCESS), NOT_PRESENT, new RecordResult(AppResult.NOT_PRESENT), new Report(), new CleanupContent()),
                // still there after a reboot code fails, as an install not there after one does
                row(DETECTING_AFTER_EXECUTION, new Detected(true), with(Intent.RequiredUninstall).withLastExit(ReturnCodeType.SOFT_REBOOT), FAILED, new RecordResult(AppResult.FAILED_STILL_DETECTED), FAIL_TAIL_GRS, new Report(), new CleanupContent()),
                row(DETECTING_AFTER_EXECUTION, new Detected(true), with(Intent.RequiredUninstall).withLastExit(ReturnCodeType.HARD_REBOOT), FAILED, new RecordResult(AppResult.FAILED_STILL_DETECTED), FAIL_TAIL_GRS, new Report(), new CleanupContent()),
                row(DETECTING_AFTER_EXECUTION, new Detected(false), required().withLastExit(ReturnCodeType.HARD_REBOOT), FAILED, new RecordResult(AppResult.FAILED_NOT_DETECTED), FAIL_TAIL_GRS, new Report(), new CleanupContent()),
                row(WAITING_RETRY, new RetryDue(), required().withContentStaged(true), EXECUTING, new Execute(false)),
                row(WAITING_RETRY, new RetryDue(), required(), DOWNLOADING, new Download()));
    }

    @ParameterizedTest(name = "{0} + {1} -> {3}")
    @MethodSource("transitions")
    void transitionTable(AppState from, AppEvent event, AppFacts facts, AppState to, List<AppEffect> effects) {
        assertTransition(from, event, facts, to, effects);
    }

    @Test
    void terminalStatesAcceptNothing() {
        for (AppState s : AppState.values()) {
            if (s.endsPass() && s != WAITING_RETRY) {
                assertThrows(IllegalStateException.class, () -> Win32AppLifecycle.next(s, new Begin(), required()));
            }
        }
    }

    @Test
    void illegalPairsAreRefused() {
        assertThrows(IllegalStateException.class, () -> Win32AppLifecycle.next(NEW, new Detected(true), required()));
        assertThrows(IllegalStateException.class, () -> Win32AppLifecycle.next(EXECUTING, new Detected(true), required()));
    }

    /** A retry code three times, then the fourth Retry goes to the GRS: 1 try + MaxRetries (3) more. */
    @Test
    void retryCodeRetriesThreeTimesThenEntersTheGrs() {
        AppFacts facts = required();
        AppState state = NEW;
        List<AppState> path = new ArrayList<>();
        AppEvent event = new Begin();
        int attempts = 0;
        while (!state.endsPass() || state == WAITING_RETRY) {
            Transition t = Win32AppLifecycle.next(state, event, facts);
            state = t.to();
            path.add(state);
            event = switch (state) {
                case DETECTING -> new Detected(false);
                case CHECKING_APPLICABILITY -> new ApplicabilityEvaluated(0);
                case DOWNLOADING -> new Downloaded(true, 0);
                case VERIFYING -> new Verified(true, 0);
                case UNPACKING -> new Unpacked(true, 0);
                case EXECUTING -> {
                    attempts++;
                    yield new Executed(ReturnCodeType.RETRY, 1618);
                }
                case WAITING_RETRY -> {
                    ScheduleRetry r = (ScheduleRetry) t.effects().get(0);
                    facts = facts.withRetriesDone(r.attempt()).withContentStaged(true);
                    yield new RetryDue();
                }
                default -> null;
            };
            if (state == FAILED) {
                assertTrue(t.effects().contains(new EnterGrs()));
                break;
            }
        }
        assertEquals(4, attempts, "the first run plus MaxRetries = 3 retries");
        assertEquals(FAILED, state);
        assertEquals(3, path.stream().filter(s -> s == WAITING_RETRY).count());
    }
}
