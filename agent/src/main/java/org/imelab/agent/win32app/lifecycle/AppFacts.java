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
 * @param pendingReboot       the app's recorded result waits for a device restart (2008, 2011): whether the
 *                            device restarted since
 */
public record AppFacts(Intent intent, boolean availableRequested, ScheduleWindow window, GrsStatus grs,
        int retriesDone, int maxRetries, Duration retryInterval, boolean contentStaged,
        Optional<ReturnCodeType> lastExit, Role role, boolean supersededRebootPending, PendingReboot pendingReboot) {

    public AppFacts {
        pendingReboot = pendingReboot == null ? PendingReboot.NONE : pendingReboot;
    }

    /** An app whose recorded result waits for no restart. */
    public AppFacts(Intent intent, boolean availableRequested, ScheduleWindow window, GrsStatus grs,
            int retriesDone, int maxRetries, Duration retryInterval, boolean contentStaged,
            Optional<ReturnCodeType> lastExit, Role role, boolean supersededRebootPending) {
        this(intent, availableRequested, window, grs, retriesDone, maxRetries, retryInterval, contentStaged, lastExit,
                role, supersededRebootPending, PendingReboot.NONE);
    }

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
                contentStaged, lastExit, r, supersededRebootPending, pendingReboot);
    }

    public AppFacts withLastExit(ReturnCodeType kind) {
        return new AppFacts(intent, availableRequested, window, grs, retriesDone, maxRetries, retryInterval,
                contentStaged, Optional.of(kind), role, supersededRebootPending, pendingReboot);
    }

    public AppFacts withRetriesDone(int n) {
        return new AppFacts(intent, availableRequested, window, grs, n, maxRetries, retryInterval, contentStaged,
                lastExit, role, supersededRebootPending, pendingReboot);
    }

    public AppFacts withContentStaged(boolean staged) {
        return new AppFacts(intent, availableRequested, window, grs, retriesDone, maxRetries, retryInterval, staged,
                lastExit, role, supersededRebootPending, pendingReboot);
    }

    public AppFacts withSupersededRebootPending(boolean pending) {
        return new AppFacts(intent, availableRequested, window, grs, retriesDone, maxRetries, retryInterval,
                contentStaged, lastExit, role, pending, pendingReboot);
    }

    public AppFacts withPendingReboot(PendingReboot p) {
        return new AppFacts(intent, availableRequested, window, grs, retriesDone, maxRetries, retryInterval,
                contentStaged, lastExit, role, supersededRebootPending, p);
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

    /**
     * Whether the app's recorded result (2008 InProgressPendingReboot for an install, 2011
     * InProgressUninstallPendingReboot for an uninstall) waits for a device restart, and whether the device
     * restarted since it was recorded (the boot time is after the record's LastUpdatedTimeUtc).
     */
    public enum PendingReboot {
        /** Nothing waits for a restart. */
        NONE,
        /** Still waiting: the pass leaves the record and the report as they are. */
        WAITING,
        /** The device restarted since: the app is detected again and its result completed. */
        RESTARTED
    }

    /** The GRS as it applies to this app: no value (treated as expired), expired, or still running. */
    public enum GrsStatus { NO_VALUE, EXPIRED, NOT_EXPIRED }

    /** StartDeadlineEx: no schedule, before the start time, between start and deadline, at or past the deadline. */
    public enum ScheduleWindow { UNSCHEDULED, BEFORE_START, BEFORE_DEADLINE, DEADLINE_REACHED }
}
