package org.imelab.agent.win32app.lifecycle;

import org.imelab.gateway.protocol.win32.ReturnCodeType;
import static org.imelab.agent.win32app.lifecycle.AppState.AVAILABLE;
import static org.imelab.agent.win32app.lifecycle.AppState.CHECKING_APPLICABILITY;
import static org.imelab.agent.win32app.lifecycle.AppState.CONTENT_CACHED;
import static org.imelab.agent.win32app.lifecycle.AppState.DETECTING;
import static org.imelab.agent.win32app.lifecycle.AppState.DETECTING_AFTER_EXECUTION;
import static org.imelab.agent.win32app.lifecycle.AppState.DETECTING_WITHOUT_DEPENDENCY;
import static org.imelab.agent.win32app.lifecycle.AppState.DETECTING_WITH_SUPERSEDED_APP;
import static org.imelab.agent.win32app.lifecycle.AppState.DETECTING_WITH_SUPERSEDED_APP_PENDING_REBOOT;
import static org.imelab.agent.win32app.lifecycle.AppState.DOWNLOADING;
import static org.imelab.agent.win32app.lifecycle.AppState.EXECUTING;
import static org.imelab.agent.win32app.lifecycle.AppState.FAILED;
import static org.imelab.agent.win32app.lifecycle.AppState.INSTALLED;
import static org.imelab.agent.win32app.lifecycle.AppState.IN_GRS;
import static org.imelab.agent.win32app.lifecycle.AppState.NOT_APPLICABLE;
import static org.imelab.agent.win32app.lifecycle.AppState.NOT_ATTEMPTED;
import static org.imelab.agent.win32app.lifecycle.AppState.NOT_PRESENT;
import static org.imelab.agent.win32app.lifecycle.AppState.PENDING_REBOOT;
import static org.imelab.agent.win32app.lifecycle.AppState.UNPACKING;
import static org.imelab.agent.win32app.lifecycle.AppState.VERIFYING;
import static org.imelab.agent.win32app.lifecycle.AppState.WAITING_RETRY;
import static org.imelab.agent.win32app.lifecycle.AppState.WAITING_FOR_SUPERSEDED;
import static org.imelab.agent.win32app.lifecycle.AppState.WAITING_SCHEDULE;

import org.imelab.agent.win32app.lifecycle.AppEffect.CleanupContent;
import org.imelab.agent.win32app.lifecycle.AppEffect.Detect;
import org.imelab.agent.win32app.lifecycle.AppEffect.Download;
import org.imelab.agent.win32app.lifecycle.AppEffect.EnterGrs;
import org.imelab.agent.win32app.lifecycle.AppEffect.EvaluateApplicability;
import org.imelab.agent.win32app.lifecycle.AppEffect.Execute;
import org.imelab.agent.win32app.lifecycle.AppEffect.RecordResult;
import org.imelab.agent.win32app.lifecycle.AppEffect.Report;
import org.imelab.agent.win32app.lifecycle.AppEffect.ScheduleRetry;
import org.imelab.agent.win32app.lifecycle.AppEffect.Unpack;
import org.imelab.agent.win32app.lifecycle.AppEffect.VerifyAndDecrypt;
import org.imelab.agent.win32app.lifecycle.AppEvent.ApplicabilityEvaluated;
import org.imelab.agent.win32app.lifecycle.AppEvent.Begin;
import org.imelab.agent.win32app.lifecycle.AppEvent.DependencyBlocked;
import org.imelab.agent.win32app.lifecycle.AppEvent.Detected;
import org.imelab.agent.win32app.lifecycle.AppEvent.Downloaded;
import org.imelab.agent.win32app.lifecycle.AppEvent.Executed;
import org.imelab.agent.win32app.lifecycle.AppEvent.LaunchFailed;
import org.imelab.agent.win32app.lifecycle.AppEvent.RetryDue;
import org.imelab.agent.win32app.lifecycle.AppEvent.TimedOut;
import org.imelab.agent.win32app.lifecycle.AppEvent.Unpacked;
import org.imelab.agent.win32app.lifecycle.AppEvent.Verified;
import org.imelab.agent.win32app.lifecycle.AppEvent.Blocker;
import org.imelab.agent.win32app.lifecycle.AppFacts.GrsStatus;
import org.imelab.agent.win32app.lifecycle.AppFacts.PendingReboot;
import org.imelab.agent.win32app.lifecycle.AppFacts.Role;
import org.imelab.registry.ime.Intent;
import org.imelab.agent.win32app.lifecycle.AppFacts.ScheduleWindow;

/**
 * The Win32 app lifecycle of one pass, as the IME runs it (ime-behaviour.md Part A and C §5):
 * detect, then applicability and requirements, then the gates (available intent, GRS, schedule),
 * content phases 1-3, execute, map the exit code, detect again, record and report.
 *
 * <p>All of it is this one function of (state, event, facts): no I/O, no clock. The runner
 * carries out the effects and feeds back what it observed. Pairs not listed are illegal.
 */
public final class Win32AppLifecycle {

    private Win32AppLifecycle() {
    }

    public static Transition next(AppState from, AppEvent event, AppFacts facts) {
        return switch (from) {
            case NEW -> switch (event) {
                // a result waiting for a restart that has not come stays as recorded and reported: nothing to do
                case Begin b when facts.pendingReboot() == PendingReboot.WAITING -> Transition.to(PENDING_REBOOT);
                case Begin b -> Transition.to(DETECTING, new Detect());
                case DependencyBlocked d -> blocked(d.blocker());
                default -> illegal(from, event);
            };
            // a missing detect-only dependency does not undo an app that is there: 1007, else 6005
            case DETECTING_WITHOUT_DEPENDENCY -> switch (event) {
                case Detected d when d.present() -> Transition.to(INSTALLED,
                        new RecordResult(AppResult.INSTALLED_DEPENDENCY_AUTO_INSTALL_OFF), new Report());
                case Detected d -> Transition.to(NOT_ATTEMPTED,
                        new RecordResult(AppResult.NOT_ATTEMPTED_DEPENDENCY_AUTO_INSTALL_OFF), new Report());
                default -> illegal(from, event);
            };
            // a superseded app that would not go: 1012 when the successor is there, else 6009 and the GRS
            case DETECTING_WITH_SUPERSEDED_APP -> switch (event) {
                case Detected d when d.present() -> Transition.to(INSTALLED,
                        new RecordResult(AppResult.INSTALLED_SUPERSEDED_UNINSTALL_FAILED), new Report());
                case Detected d -> Transition.to(NOT_ATTEMPTED,
                        new RecordResult(AppResult.NOT_ATTEMPTED_SUPERSEDED_UNINSTALL_FAILED), new EnterGrs(), new Report());
                default -> illegal(from, event);
            };
            // a superseded app waiting for a hard reboot: 1013 when the successor is there, else 6010 (nothing
            // failed, so no GRS; the next pass installs it once the old app is gone)
            case DETECTING_WITH_SUPERSEDED_APP_PENDING_REBOOT -> switch (event) {
                case Detected d when d.present() -> Transition.to(INSTALLED,
                        new RecordResult(AppResult.INSTALLED_SUPERSEDED_UNINSTALL_PENDING_REBOOT), new Report());
                case Detected d -> Transition.to(NOT_ATTEMPTED,
                        new RecordResult(AppResult.NOT_ATTEMPTED_SUPERSEDED_UNINSTALL_PENDING_REBOOT), new Report());
                default -> illegal(from, event);
            };
            case DETECTING -> switch (event) {
                case Detected d -> afterFirstDetection(d.present(), facts);
                default -> illegal(from, event);
            };
            case CHECKING_APPLICABILITY -> switch (event) {
                case ApplicabilityEvaluated a when a.applicability() != 0 -> Transition.to(NOT_APPLICABLE,
                        new RecordResult(AppResult.NOT_APPLICABLE), new Report());
                case ApplicabilityEvaluated a -> gate(facts);
                default -> illegal(from, event);
            };
            case DOWNLOADING -> switch (event) {
                case Downloaded d when d.ok() -> Transition.to(VERIFYING, new VerifyAndDecrypt());
                case Downloaded d -> fail(AppResult.FAILED_DOWNLOAD, facts);
                default -> illegal(from, event);
            };
            case VERIFYING -> switch (event) {
                case Verified v when v.ok() -> Transition.to(UNPACKING, new Unpack());
                case Verified v -> fail(AppResult.FAILED_CONTENT, facts);
                default -> illegal(from, event);
            };
            case UNPACKING -> switch (event) {
                case Unpacked u when !u.ok() -> fail(AppResult.FAILED_CONTENT, facts);
                case Unpacked u when facts.window() == ScheduleWindow.BEFORE_DEADLINE -> Transition.to(CONTENT_CACHED,
                        new RecordResult(AppResult.CONTENT_CACHED), new Report());
                case Unpacked u -> Transition.to(EXECUTING, new Execute(facts.uninstalling()));
                default -> illegal(from, event);
            };
            case EXECUTING -> switch (event) {
                case Executed e -> afterExecution(e.kind(), facts);
                case TimedOut t -> fail(AppResult.FAILED_TIMEOUT, facts);
                case LaunchFailed l -> fail(AppResult.FAILED_LAUNCH, facts);
                default -> illegal(from, event);
            };
            case DETECTING_AFTER_EXECUTION -> switch (event) {
                case Detected d -> afterSecondDetection(d.present(), facts);
                default -> illegal(from, event);
            };
            case WAITING_RETRY -> switch (event) {
                case RetryDue r when facts.contentStaged() -> Transition.to(EXECUTING, new Execute(facts.uninstalling()));
                case RetryDue r -> Transition.to(DOWNLOADING, new Download());
                default -> illegal(from, event);
            };
            // the one amendment of a finished pass: an updated app still there beside its installed successor
            case INSTALLED -> switch (event) {
                case AppEvent.SupersededAppsDetected s -> Transition.to(INSTALLED,
                        new RecordResult(AppResult.INSTALLED_SUPERSEDED_APPS_DETECTED), new Report());
                default -> illegal(from, event);
            };
            case NOT_PRESENT, NOT_APPLICABLE, AVAILABLE, WAITING_SCHEDULE, CONTENT_CACHED, IN_GRS, NOT_ATTEMPTED,
                    FAILED, WAITING_FOR_SUPERSEDED, PENDING_REBOOT ->
                    illegal(from, event);
        };
    }

    /** A relative processed before the app forbids its install. */
    private static Transition blocked(Blocker blocker) {
        return switch (blocker) {
            // a parent whose dependency failed waits in the GRS with it
            case DEPENDENCY_FAILED -> Transition.to(NOT_ATTEMPTED,
                    new RecordResult(AppResult.NOT_ATTEMPTED_DEPENDENCY_FAILED), new EnterGrs(), new Report());
            case DEPENDENCY_NOT_APPLICABLE -> Transition.to(NOT_ATTEMPTED,
                    new RecordResult(AppResult.NOT_ATTEMPTED_DEPENDENCY_NOT_APPLICABLE), new Report());
            case DEPENDENCY_AUTO_INSTALL_OFF -> Transition.to(DETECTING_WITHOUT_DEPENDENCY, new Detect());
            case SUPERSEDED_UNINSTALL_FAILED -> Transition.to(DETECTING_WITH_SUPERSEDED_APP, new Detect());
            case SUPERSEDED_UNINSTALL_PENDING -> Transition.to(WAITING_FOR_SUPERSEDED,
                    new RecordResult(AppResult.PENDING_UNINSTALL_OF_SUPERSEDED_APPS), new Report());
            case SUPERSEDED_UNINSTALL_PENDING_REBOOT -> Transition.to(DETECTING_WITH_SUPERSEDED_APP_PENDING_REBOOT,
                    new Detect());
        };
    }

    private static Transition afterFirstDetection(boolean present, AppFacts facts) {
        switch (facts.role()) {
            case DETECT_ONLY_DEPENDENCY -> {
                // "automatically install" off: the agent looks, and never installs; no GRS, as nothing failed
                return present ? Transition.to(INSTALLED, new RecordResult(AppResult.DEPENDENCY_DETECTED), new Report())
                        : Transition.to(NOT_ATTEMPTED, new RecordResult(AppResult.NOT_ATTEMPTED_AUTO_INSTALL_OFF),
                                new Report());
            }
            case SUPERSEDED_KEPT -> {
                return Transition.to(present ? INSTALLED : NOT_PRESENT, new RecordResult(present
                        ? AppResult.SUPERSEDED_DETECTED : AppResult.SUPERSEDED_NOT_DETECTED), new Report());
            }
            case SUPERSEDED_UPDATED -> {
                return Transition.to(present ? INSTALLED : NOT_PRESENT, new RecordResult(present
                        ? AppResult.SUPERSEDING_APPS_DETECTED : AppResult.SUPERSEDED_NOT_DETECTED), new Report());
            }
            case SUCCESSORS_NOT_APPLICABLE -> {
                return Transition.to(NOT_APPLICABLE, new RecordResult(AppResult.NOT_APPLICABLE), new Report());
            }
            case REPLACED -> {
                // requirements do not gate the removal; the successors' applicability was checked before
                if (!present && facts.pendingReboot() == PendingReboot.RESTARTED) {
                    return Transition.to(NOT_PRESENT, new RecordResult(AppResult.REMOVED_BY_SUPERSEDENCE), new Report());
                }
                return present ? gate(facts)
                        : Transition.to(NOT_PRESENT, new RecordResult(AppResult.REPLACED_NOT_PRESENT), new Report());
            }
            case ENFORCED -> {
            }
        }
        boolean restarted = facts.pendingReboot() == PendingReboot.RESTARTED;
        if (facts.uninstalling()) {
            if (!present && restarted) {
                return Transition.to(NOT_PRESENT, new RecordResult(AppResult.UNINSTALLED_AFTER_RESTART), new Report());
            }
            // Requirements do not gate an uninstall: a detected app is removed, an absent one is done.
            return present ? gate(facts) : Transition.to(NOT_PRESENT, new RecordResult(AppResult.NOT_PRESENT), new Report());
        }
        if (present && restarted) {
            return Transition.to(INSTALLED, new RecordResult(AppResult.INSTALLED_AFTER_RESTART), new Report());
        }
        if (present) {
            return Transition.to(INSTALLED, new RecordResult(facts.supersededRebootPending()
                    ? AppResult.INSTALLED_SUPERSEDED_UNINSTALL_PENDING_REBOOT : AppResult.INSTALLED), new Report());
        }
        return Transition.to(CHECKING_APPLICABILITY, new EvaluateApplicability());
    }

    /** The gates between "applicable and not there" and content: available, GRS, schedule. */
    private static Transition gate(AppFacts facts) {
        if (facts.intent() == Intent.AvailableInstall && !facts.availableRequested()) {
            return Transition.to(AVAILABLE, new RecordResult(AppResult.AVAILABLE_NOT_INSTALLED), new Report());
        }
        // Available intent bypasses the GRS ("will be enforced due to targeting intent on the subgraph").
        if (facts.grs() == GrsStatus.NOT_EXPIRED && facts.intent() != Intent.AvailableInstall) {
            return Transition.to(IN_GRS);
        }
        return switch (facts.window()) {
            case BEFORE_START -> Transition.to(WAITING_SCHEDULE, new RecordResult(AppResult.WAITING_SCHEDULE), new Report());
            case BEFORE_DEADLINE -> facts.contentStaged()
                    ? Transition.to(CONTENT_CACHED, new RecordResult(AppResult.CONTENT_CACHED), new Report())
                    : Transition.to(DOWNLOADING, new Download());
            case UNSCHEDULED, DEADLINE_REACHED -> facts.contentStaged()
                    ? Transition.to(EXECUTING, new Execute(facts.uninstalling()))
                    : Transition.to(DOWNLOADING, new Download());
        };
    }

    private static Transition afterExecution(ReturnCodeType kind, AppFacts facts) {
        return switch (kind) {
            case SUCCESS, SOFT_REBOOT, HARD_REBOOT -> Transition.to(DETECTING_AFTER_EXECUTION, new Detect());
            case RETRY -> facts.retriesDone() < facts.maxRetries()
                    ? Transition.to(WAITING_RETRY, new ScheduleRetry(facts.retriesDone() + 1, facts.retryInterval()),
                            new RecordResult(AppResult.RETRY_PENDING), new Report())
                    : fail(AppResult.FAILED_EXIT_CODE, facts);
            case FAILED -> fail(AppResult.FAILED_EXIT_CODE, facts);
        };
    }

    private static Transition afterSecondDetection(boolean present, AppFacts facts) {
        if (facts.uninstalling()) {
            // still there after a reboot code fails like an install not there after one: the code is no excuse
            return present ? fail(AppResult.FAILED_STILL_DETECTED, facts)
                    : Transition.to(NOT_PRESENT, new RecordResult(removed(facts)), new Report(), new CleanupContent());
        }
        if (!present) {
            return fail(AppResult.FAILED_NOT_DETECTED, facts);
        }
        AppResult result = switch (facts.lastExit().orElse(ReturnCodeType.SUCCESS)) {
            case SOFT_REBOOT -> facts.supersededRebootPending() ? AppResult.INSTALLED_SUPERSEDED_UNINSTALL_PENDING_REBOOT
                    : AppResult.INSTALLED_SOFT_REBOOT;
            case HARD_REBOOT -> AppResult.INSTALLED_HARD_REBOOT; // in progress wins over any success
            default -> facts.supersededRebootPending() ? AppResult.INSTALLED_SUPERSEDED_UNINSTALL_PENDING_REBOOT
                    : AppResult.INSTALLED;
        };
        return Transition.to(INSTALLED, new RecordResult(result), new Report(), new CleanupContent());
    }

    /** An uninstall that worked, by its exit code's type: done, or waiting for a soft or hard reboot. */
    private static AppResult removed(AppFacts facts) {
        boolean replaced = facts.role() == Role.REPLACED;
        return switch (facts.lastExit().orElse(ReturnCodeType.SUCCESS)) {
            case SOFT_REBOOT -> replaced ? AppResult.REMOVED_BY_SUPERSEDENCE_SOFT_REBOOT : AppResult.UNINSTALLED_SOFT_REBOOT;
            case HARD_REBOOT -> replaced ? AppResult.REMOVED_BY_SUPERSEDENCE_HARD_REBOOT : AppResult.UNINSTALLED_HARD_REBOOT;
            default -> replaced ? AppResult.REMOVED_BY_SUPERSEDENCE : AppResult.NOT_PRESENT;
        };
    }

    /** A failure; for a superseded app being replaced, every failure is the supersedence uninstall's (5008). */
    private static Transition fail(AppResult result, AppFacts facts) {
        if (facts.role() != Role.REPLACED) {
            return fail(result);
        }
        return fail(result == AppResult.FAILED_STILL_DETECTED ? AppResult.FAILED_SUPERSEDED_STILL_DETECTED
                : AppResult.FAILED_SUPERSEDED_UNINSTALL);
    }

    /** Every failure ends the same way: state, GRS, report, staged content removed. */
    private static Transition fail(AppResult result) {
        return Transition.to(FAILED, new RecordResult(result), new EnterGrs(), new Report(), new CleanupContent());
    }

    private static Transition illegal(AppState from, AppEvent event) {
        throw new IllegalStateException("No transition from " + from + " on " + event);
    }
}
