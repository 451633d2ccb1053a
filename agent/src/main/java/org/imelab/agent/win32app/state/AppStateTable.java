package org.imelab.agent.win32app.state;

import java.util.List;
import java.util.Optional;
import org.imelab.agent.win32app.lifecycle.AppResult;
import org.imelab.registry.ime.Applicability;
import org.imelab.registry.ime.ComplianceState;
import org.imelab.registry.ime.ComplianceStateMessage;
import org.imelab.registry.ime.DesiredState;
import org.imelab.registry.ime.DetectionState;
import org.imelab.registry.ime.EnforcementState;
import org.imelab.registry.ime.EnforcementStateMessage;
import org.imelab.registry.ime.InstallContext;
import org.imelab.registry.ime.TargetType;
import org.imelab.registry.ime.TargetingMethod;

/**
 * The one mapping from an app's outcome ({@link AppResult}) to what the registry and the report
 * say: the ComplianceStateMessage, the EnforcementStateMessage (absent = leave the recorded one as
 * it is, e.g. a re-detection without enforcement) and the report's DetectionState. The observed
 * combinations of ime-behaviour.md C §1.2 are its test vectors.
 */
public final class AppStateTable {

    /**
     * What the outcome alone does not say.
     *
     * @param uninstall      the pass removes the app (DesiredState NotPresent)
     * @param executed       the installer or uninstaller ran in this pass
     * @param applicability  the requirement code for {@link AppResult#NOT_APPLICABLE}, else Applicable
     * @param errorCode      the installer's exit code or the engine's error code, for the results that carry one
     */
    public record Context(boolean uninstall, boolean executed, Applicability applicability, Integer errorCode,
            TargetingMethod targetingMethod, InstallContext installContext, TargetType targetType,
            List<String> assignmentFilterIds) {
    }

    /** The state of one outcome. */
    public record Row(ComplianceStateMessage compliance, Optional<EnforcementStateMessage> enforcement,
            DetectionState detection) {
    }

    private AppStateTable() {
    }

    public static Row of(AppResult result, Context c) {
        DesiredState wanted = c.uninstall() ? DesiredState.NotPresent : DesiredState.Present;
        Integer err = c.errorCode();
        return switch (result) {
            case INSTALLED -> row(c, Applicability.Applicable, ComplianceState.Installed, wanted, null,
                    c.executed() ? EnforcementState.Success : null, 0);
            case INSTALLED_SOFT_REBOOT -> row(c, Applicability.Applicable, ComplianceState.Installed, wanted, err,
                    EnforcementState.Success, err);
            case INSTALLED_HARD_REBOOT -> row(c, Applicability.Applicable, ComplianceState.Installed, wanted, err,
                    EnforcementState.InProgressPendingReboot, err);
            // a result that waited for a restart completes after it: a plain success, whether or not anything ran
            case INSTALLED_AFTER_RESTART -> row(c, Applicability.Applicable, ComplianceState.Installed, wanted, null,
                    EnforcementState.Success, 0);
            case UNINSTALLED_AFTER_RESTART -> row(c, Applicability.Applicable, ComplianceState.NotInstalled,
                    DesiredState.NotPresent, null, EnforcementState.Success, 0);
            case NOT_PRESENT -> row(c, Applicability.Applicable, ComplianceState.NotInstalled, DesiredState.NotPresent,
                    null, c.executed() ? EnforcementState.Success : null, 0);
            // uninstalls asking for a reboot record the exit code as the install reboot rows do
            case UNINSTALLED_SOFT_REBOOT -> row(c, Applicability.Applicable, ComplianceState.NotInstalled,
                    DesiredState.NotPresent, err, EnforcementState.SuccessUninstallPendingReboot, err);
            case UNINSTALLED_HARD_REBOOT -> row(c, Applicability.Applicable, ComplianceState.NotInstalled,
                    DesiredState.NotPresent, err, EnforcementState.InProgressUninstallPendingReboot, err);
            case NOT_APPLICABLE -> row(c, c.applicability(), ComplianceState.NotInstalled, DesiredState.None, null,
                    null, null);
            case AVAILABLE_NOT_INSTALLED -> row(c, Applicability.Applicable, ComplianceState.NotInstalled,
                    DesiredState.Available, null, null, null);
            case WAITING_SCHEDULE -> row(c, Applicability.Applicable, ComplianceState.NotInstalled, wanted, null,
                    EnforcementState.InProgressWaitingSchedule, null);
            case CONTENT_CACHED -> row(c, Applicability.Applicable, ComplianceState.NotInstalled, wanted, null,
                    EnforcementState.InProgressDownloadCompleted, null);
            case RETRY_PENDING -> row(c, Applicability.Applicable, notDone(c), wanted, err,
                    EnforcementState.ErrorWaitingRetry, err);
            case FAILED_EXIT_CODE, FAILED_TIMEOUT, FAILED_LAUNCH -> row(c, Applicability.Applicable, notDone(c),
                    wanted, err, EnforcementState.Error, err);
            case FAILED_NOT_DETECTED -> row(c, Applicability.Applicable, ComplianceState.NotInstalled, wanted,
                    ErrorCodes.NOT_DETECTED_AFTER_INSTALL, EnforcementState.Error, ErrorCodes.NOT_DETECTED_AFTER_INSTALL);
            case FAILED_STILL_DETECTED -> row(c, Applicability.Applicable, ComplianceState.Installed,
                    DesiredState.NotPresent, ErrorCodes.DETECTED_AFTER_UNINSTALL, EnforcementState.Error,
                    ErrorCodes.DETECTED_AFTER_UNINSTALL);
            case FAILED_DOWNLOAD, FAILED_CONTENT -> row(c, Applicability.Applicable, notDone(c), wanted, err,
                    EnforcementState.ErrorDownloadingContent, err);
            case NOT_ATTEMPTED_DEPENDENCY_FAILED -> row(c, Applicability.Applicable, notDone(c), wanted, null,
                    EnforcementState.NotAttemptedDependencyWithFailure, null);
            case NOT_ATTEMPTED_DEPENDENCY_NOT_APPLICABLE -> row(c, Applicability.Applicable, notDone(c), wanted, null,
                    EnforcementState.NotAttemptedDependencyWithRequirementsNotMet, null);
            // dependencies with "automatically install" off: the child 6004, its parent 6005, or 1007 when the
            // parent is there all the same (the codes named for exactly these cases in C §1.2)
            case DEPENDENCY_DETECTED -> row(c, Applicability.Applicable, ComplianceState.Installed, wanted, null,
                    EnforcementState.Success, 0);
            case NOT_ATTEMPTED_AUTO_INSTALL_OFF -> row(c, Applicability.Applicable, ComplianceState.NotInstalled,
                    wanted, null, EnforcementState.NotAttemptedAutoInstallOff, null);
            case NOT_ATTEMPTED_DEPENDENCY_AUTO_INSTALL_OFF -> row(c, Applicability.Applicable,
                    ComplianceState.NotInstalled, wanted, null, EnforcementState.NotAttemptedDependencyWithAutoInstallOff,
                    null);
            case INSTALLED_DEPENDENCY_AUTO_INSTALL_OFF -> row(c, Applicability.Applicable, ComplianceState.Installed,
                    wanted, null, EnforcementState.SuccessButDependencyWithAutoInstallOff, null);
            // a superseded app left in place is wanted neither present nor absent: DesiredState None
            case SUPERSEDED_DETECTED -> row(c, Applicability.Applicable, ComplianceState.Installed, DesiredState.None,
                    null, null, null);
            case SUPERSEDED_NOT_DETECTED -> row(c, Applicability.Applicable, ComplianceState.NotInstalled,
                    DesiredState.None, null, null, null);
            case SUPERSEDING_APPS_DETECTED -> row(c, Applicability.Applicable, ComplianceState.Installed,
                    DesiredState.None, null, EnforcementState.SuccessSupersedingAppsDetected, null);
            // the two sides of an Update that left the old app in place: 1014 on it, 1015 on its successor
            case INSTALLED_SUPERSEDED_APPS_DETECTED -> row(c, Applicability.Applicable, ComplianceState.Installed,
                    wanted, null, EnforcementState.SuccessSupersededAppsDetected, 0);
            // superseded by Replace: DesiredState NotPresent (observed, C §1.2)
            case REMOVED_BY_SUPERSEDENCE -> row(c, Applicability.Applicable, ComplianceState.NotInstalled,
                    DesiredState.NotPresent, null, EnforcementState.SuccessAppRemovedBySupersedence, 0);
            // removed by Replace with a reboot code: soft still counts as removed, hard is an uninstall in progress
            case REMOVED_BY_SUPERSEDENCE_SOFT_REBOOT -> row(c, Applicability.Applicable, ComplianceState.NotInstalled,
                    DesiredState.NotPresent, err, EnforcementState.SuccessAppRemovedBySupersedence, err);
            case REMOVED_BY_SUPERSEDENCE_HARD_REBOOT -> row(c, Applicability.Applicable, ComplianceState.NotInstalled,
                    DesiredState.NotPresent, err, EnforcementState.InProgressUninstallPendingReboot, err);
            case REPLACED_NOT_PRESENT -> row(c, Applicability.Applicable, ComplianceState.NotInstalled,
                    DesiredState.NotPresent, null, null, null);
            case FAILED_SUPERSEDED_UNINSTALL -> row(c, Applicability.Applicable, ComplianceState.Installed,
                    DesiredState.NotPresent, err, EnforcementState.ErrorUninstallingSupersedence, err);
            case FAILED_SUPERSEDED_STILL_DETECTED -> row(c, Applicability.Applicable, ComplianceState.Installed,
                    DesiredState.NotPresent, ErrorCodes.DETECTED_AFTER_UNINSTALL,
                    EnforcementState.ErrorUninstallingSupersedence, ErrorCodes.DETECTED_AFTER_UNINSTALL);
            // the successor carries the superseded app's error, so the admin sees why it was not installed
            case NOT_ATTEMPTED_SUPERSEDED_UNINSTALL_FAILED -> row(c, Applicability.Applicable,
                    ComplianceState.NotInstalled, wanted, err, EnforcementState.NotAttemptedSupersededAppUninstallFailed,
                    err);
            case PENDING_UNINSTALL_OF_SUPERSEDED_APPS -> row(c, Applicability.Applicable, notDone(c), wanted, null,
                    EnforcementState.InProgressPendingUninstallOfSupersededApps, null);
            case INSTALLED_SUPERSEDED_UNINSTALL_FAILED -> row(c, Applicability.Applicable, ComplianceState.Installed,
                    wanted, err, EnforcementState.SuccessSupersededAppUninstallFailed, err);
            // the successor's own exit code (0, or its own 3010), as on any install
            case INSTALLED_SUPERSEDED_UNINSTALL_PENDING_REBOOT -> row(c, Applicability.Applicable,
                    ComplianceState.Installed, wanted, err == null || err == 0 ? null : err,
                    EnforcementState.SuccessSupersededAppUninstallPendingReboot, err == null ? 0 : err);
            case NOT_ATTEMPTED_SUPERSEDED_UNINSTALL_PENDING_REBOOT -> row(c, Applicability.Applicable,
                    ComplianceState.NotInstalled, wanted, null,
                    EnforcementState.NotAttemptedSupersededAppUninstallPendingReboot, null);
        };
    }

    /** Where an unfinished enforcement leaves the app: an install not there, an uninstall still there. */
    private static ComplianceState notDone(Context c) {
        return c.uninstall() ? ComplianceState.Installed : ComplianceState.NotInstalled;
    }

    private static Row row(Context c, Applicability applicability, ComplianceState compliance, DesiredState desired,
            Integer complianceError, EnforcementState enforcement, Integer enforcementError) {
        ComplianceStateMessage cm = new ComplianceStateMessage(applicability, compliance, desired, complianceError,
                c.targetingMethod(), c.installContext(), c.targetType(), null, c.assignmentFilterIds());
        Optional<EnforcementStateMessage> em = enforcement == null ? Optional.empty()
                : Optional.of(new EnforcementStateMessage(enforcement, enforcementError, c.targetingMethod()));
        return new Row(cm, em, compliance == ComplianceState.Installed ? DetectionState.Detected
                : DetectionState.NotDetected);
    }
}
