package org.imelab.agent.win32app.lifecycle;

import org.imelab.registry.ime.Intent;

import org.imelab.gateway.protocol.win32.ReturnCodeType;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything a decision needs besides the state and the event, computed by the runner from the
 * policy, the registry and the clock. Keeping it a value makes the machine a pure function.
 *
 * @param intent              the effective intent of this app in this pass
 * @param availableRequested  an available app the user asked for (Company Portal / imelab apps install)
 * @param window              where now stands in the app's StartDeadlineEx
 * @param grs                 the app's GRS status for its subgraph
 * @param retriesDone         Retry-coded attempts already made in this enforcement
 * @param maxRetries          InstallEx.MaxRetries
 * @param retryInterval       InstallEx.RetryIntervalInMinutes
 * @param contentStaged       content is already unpacked in IMECache (deadline install after caching)
 * @param lastExit            the last installer outcome of this pass, for the post-execution detection
 * @param role                what the app's relations make of it in this subgraph
 * @param supersededRebootPending an app it replaces was just uninstalled with a soft reboot code: its success
 *                            in this pass is 1013 (SuccessSupersededAppUninstallPendingReboot)
 */
public record AppFacts(Intent intent, boolean availableRequested, ScheduleWindow window, GrsStatus grs,
        int retriesDone, int maxRetries, Duration retryInterval, boolean contentStaged,
        Optional<ReturnCodeType> lastExit, Role role, boolean supersededRebootPending) {

    /** An app no superseded app's reboot concerns. */
    public AppFacts(Intent intent, boolean availableRequested, ScheduleWindow window, GrsStatus grs,
            int retriesDone, int maxRetries, Duration retryInterval, boolean contentStaged,
            Optional<ReturnCodeType> lastExit, Role role) {
        this(intent, availableRequested, window, grs, retriesDone, maxRetries, retryInterval, contentStaged, lastExit,
                role, false);
    }

    /** An app enforced by its own intent (the facts before relations were told apart). */
    public AppFacts(Intent intent, boolean availableRequested, ScheduleWindow window, GrsStatus grs,
            int retriesDone, int maxRetries, Duration retryInterval, boolean contentStaged,
            Optional<ReturnCodeType> lastExit) {
        this(intent, availableRequested, window, grs, retriesDone, maxRetries, retryInterval, contentStaged, lastExit,
                Role.ENFORCED);
    }

    public AppFacts withRole(Role r) {
        return new AppFacts(intent, availableRequested, window, grs, retriesDone, maxRetries, retryInterval,
                contentStaged, lastExit, r, supersededRebootPending);
    }

    public AppFacts withLastExit(ReturnCodeType kind) {
        return new AppFacts(intent, availableRequested, window, grs, retriesDone, maxRetries, retryInterval,
                contentStaged, Optional.of(kind), role, supersededRebootPending);
    }

    public AppFacts withRetriesDone(int n) {
        return new AppFacts(intent, availableRequested, window, grs, n, maxRetries, retryInterval, contentStaged,
                lastExit, role, supersededRebootPending);
    }

    public AppFacts withContentStaged(boolean staged) {
        return new AppFacts(intent, availableRequested, window, grs, retriesDone, maxRetries, retryInterval, staged,
                lastExit, role, supersededRebootPending);
    }

    public AppFacts withSupersededRebootPending(boolean pending) {
        return new AppFacts(intent, availableRequested, window, grs, retriesDone, maxRetries, retryInterval,
                contentStaged, lastExit, role, pending);
    }

    /** Whether this pass installs (required, available on request, or a dependency) or removes. */
    public boolean uninstalling() {
        return intent == Intent.RequiredUninstall || role == Role.REPLACED;
    }

    /**
     * What the app's relations in its subgraph make of it. Only an app that is not targeted itself
     * (Intent 0, present only as a relative) takes a role other than {@link #ENFORCED}: an app the
     * admin assigned follows its own assignment (see the engine's DesiredStates).
     */
    public enum Role {
        /** Its own intent: a targeted app, or a dependency installed automatically. */
        ENFORCED,
        /** A dependency with "automatically install" off (Action 0): detected, never installed. */
        DETECT_ONLY_DEPENDENCY,
        /** Superseded and left in place: Update, or a successor that does not install in this pass. */
        SUPERSEDED_KEPT,
        /** Superseded by Update, its successor installed: still detected = 1014. */
        SUPERSEDED_UPDATED,
        /** Superseded by Replace: uninstalled with its own uninstall command before its successor installs. */
        REPLACED,
        /** Superseded by Replace, but no successor is applicable: left alone (Applicability 1009). */
        SUCCESSORS_NOT_APPLICABLE
    }

    /** The GRS as it applies to this app: no value (treated as expired), expired, or still running. */
    public enum GrsStatus { NO_VALUE, EXPIRED, NOT_EXPIRED }

    /** StartDeadlineEx: no schedule, before the start time, between start and deadline, at or past the deadline. */
    public enum ScheduleWindow { UNSCHEDULED, BEFORE_START, BEFORE_DEADLINE, DEADLINE_REACHED }
}
