package org.imelab.registry.ime;

import java.util.Optional;

/**
 * {@code EnforcementState} of an EnforcementStateMessage and of the app report. Names from
 * Get-Win32AppResults; the 2001-2006, 2013 and 5001-5014 codes it leaves unnamed carry the names
 * of the IME log interpreter (ime-behaviour.md C §1.2), in the same style.
 */
public enum EnforcementState implements ImeCode {
    Success(1000),
    SuccessFastNotify(1003),
    SuccessButDependencyFailedToInstall(1004),
    SuccessButDependencyWithRequirementsNotMet(1005),
    SuccessButDependencyPendingReboot(1006),
    SuccessButDependencyWithAutoInstallOff(1007),
    SuccessButIOSAppStoreUpdateFailedToInstall(1008),
    SuccessVPPAppHasUpdateAvailable(1009),
    SuccessButUserRejectedUpdate(1010),
    SuccessUninstallPendingReboot(1011),
    SuccessSupersededAppUninstallFailed(1012),
    SuccessSupersededAppUninstallPendingReboot(1013),
    SuccessSupersedingAppsDetected(1014),
    SuccessSupersededAppsDetected(1015),
    SuccessAppRemovedBySupersedence(1016),
    SuccessButDependencyBlockedByManagedInstallerPolicy(1017),
    SuccessUninstallingSupersededApps(1018),

    InProgress(2000),
    InProgressWaitingContent(2001),
    InProgressInstalling(2002),
    InProgressWaitingReboot(2003),
    InProgressWaitingMaintenanceWindow(2004),
    InProgressWaitingSchedule(2005),
    InProgressDownloadingDependentContent(2006),
    InProgressDependencyInstalling(2007),
    InProgressPendingReboot(2008),
    InProgressDownloadCompleted(2009),
    InProgressPendingUninstallOfSupersededApps(2010),
    InProgressUninstallPendingReboot(2011),
    InProgressPendingManagedInstaller(2012),
    InProgressWaitingUserLogon(2013),

    RequirementsNotMet(3000),
    Unknown(4000),

    Error(5000),
    ErrorEvaluating(5001),
    ErrorInstalling(5002),
    ErrorDownloadingContent(5003),
    ErrorInstallingDependency(5004),
    ErrorRetrievingContentDependency(5005),
    ErrorConflictsPreventInstallation(5006),
    ErrorWaitingRetry(5007),
    ErrorUninstallingSupersedence(5008),
    ErrorDownloadingSuperseded(5009),
    ErrorUpdatingVe(5010),
    ErrorInstallingLicense(5011),
    ErrorRetrievingAllowAllTrustedApps(5012),
    ErrorNoLicensesAvailable(5013),
    ErrorOsNotSupported(5014),
    ErrorManagedInstallerAppLockerPolicyNotApplied(5015),
    /** Spelled as the agent spells it. */
    ErrorWithImmeadiateRetry(5999),

    NotAttempted(6000),
    NotAttemptedDependencyWithFailure(6001),
    NotAttemptedPendingReboot(6002),
    NotAttemptedDependencyWithRequirementsNotMet(6003),
    NotAttemptedAutoInstallOff(6004),
    NotAttemptedDependencyWithAutoInstallOff(6005),
    NotAttemptedWithManagedAppNoLongerPresent(6006),
    NotAttemptedBecauseUserRejectedInstall(6007),
    NotAttemptedBecauseUserIsNotLoggedIntoAppStore(6008),
    NotAttemptedSupersededAppUninstallFailed(6009),
    NotAttemptedSupersededAppUninstallPendingReboot(6010),
    NotAttemptedUntargetedSupersedingAppsDetected(6011),
    NotAttemptedDependencyBlockedByManagedInstallerPolicy(6012),
    NotAttemptedUnsupportedOrIndeterminateSupersededApp(6013);

    private final int code;

    EnforcementState(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    public static Optional<EnforcementState> ofCode(int code) {
        return ImeCode.find(EnforcementState.class, code);
    }

    /** The 1000s: the app reached its desired state. */
    public boolean isSuccess() {
        return code / 1000 == 1;
    }

    /** The 2000s: still working on it. */
    public boolean isInProgress() {
        return code / 1000 == 2;
    }

    /** The 5000s. */
    public boolean isError() {
        return code / 1000 == 5;
    }

    /** The 6000s. */
    public boolean isNotAttempted() {
        return code / 1000 == 6;
    }
}
