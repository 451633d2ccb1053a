package org.imelab.agent.win32app.lifecycle;

/**
 * The outcome of a pass as the registry state and the report express it. The mapping to
 * ComplianceState / EnforcementState / ErrorCode values lives in one table beside the state
 * store; here the outcome is named by what happened.
 */
public enum AppResult {
    /** Detected (before or after install); EnforcementState 1000. */
    INSTALLED,
    /** Installed, the installer asked for a soft reboot (3010-style). */
    INSTALLED_SOFT_REBOOT,
    /** Installed, the installer asked for a hard reboot (1641-style): pending reboot. */
    INSTALLED_HARD_REBOOT,
    /** Installed with a hard reboot code (2008), the device restarted since, the app is detected: 1000. */
    INSTALLED_AFTER_RESTART,
    /** Uninstalled with a hard reboot code (2011), the device restarted since, the app is gone: 1000. */
    UNINSTALLED_AFTER_RESTART,
    /** Required uninstall and the app is gone (already, or after the uninstaller). */
    NOT_PRESENT,
    /** Required uninstall, gone, the uninstaller asked for a soft reboot (1011 SuccessUninstallPendingReboot). */
    UNINSTALLED_SOFT_REBOOT,
    /** Required uninstall, gone, the uninstaller asked for a hard reboot (2011 InProgressUninstallPendingReboot). */
    UNINSTALLED_HARD_REBOOT,
    /** A requirement or applicability rule is not met (the code is in the event). */
    NOT_APPLICABLE,
    /** Available and not requested: detected state only. */
    AVAILABLE_NOT_INSTALLED,
    /** Before the assignment's start time: detect and report only. */
    WAITING_SCHEDULE,
    /** Between start and deadline: content downloaded and cached. */
    CONTENT_CACHED,
    /** A Retry return code with retries left: waiting for the next attempt. */
    RETRY_PENDING,
    /** Installer exit code mapped to Failed (or unknown), or Retry with no retries left. */
    FAILED_EXIT_CODE,
    /** The installer said success, but detection does not find the app (0x87D1041C). */
    FAILED_NOT_DETECTED,
    /** The uninstaller said success, but the app is still detected. */
    FAILED_STILL_DETECTED,
    /** Content phase 1 failed. */
    FAILED_DOWNLOAD,
    /** Content phase 2 or 3 failed (HMAC, digest, unsafe archive). */
    FAILED_CONTENT,
    /** Installer killed after MaxRunTimeInMinutes. */
    FAILED_TIMEOUT,
    /** The installer could not be launched. */
    FAILED_LAUNCH,
    /** A dependency of this app failed: the app is not attempted (EnforcementState 6001). */
    NOT_ATTEMPTED_DEPENDENCY_FAILED,
    /** A dependency of this app is not applicable: the app is not attempted (EnforcementState 6003). */
    NOT_ATTEMPTED_DEPENDENCY_NOT_APPLICABLE,
    /**
     * A detect-only dependency that is detected: satisfied (1000), written so that an earlier 6004
     * does not outlive the app's arrival.
     */
    DEPENDENCY_DETECTED,
    /** A detect-only dependency (auto-install off) that is not detected: not installed (6004). */
    NOT_ATTEMPTED_AUTO_INSTALL_OFF,
    /** The app's detect-only dependency is not detected: the app is not installed (6005). */
    NOT_ATTEMPTED_DEPENDENCY_AUTO_INSTALL_OFF,
    /** The app is detected, but its detect-only dependency is not (1007). */
    INSTALLED_DEPENDENCY_AUTO_INSTALL_OFF,
    /** A superseded app left in place (Update, or a successor that does not install now): detected. */
    SUPERSEDED_DETECTED,
    /** A superseded app left in place: not detected (an Update upgraded it in place). */
    SUPERSEDED_NOT_DETECTED,
    /** A superseded app still detected beside its installed successor (1014). */
    SUPERSEDING_APPS_DETECTED,
    /** The app is installed, and an app it supersedes by Update is still detected (1015). */
    INSTALLED_SUPERSEDED_APPS_DETECTED,
    /** Replace: the superseded app was uninstalled for its successor (1016). */
    REMOVED_BY_SUPERSEDENCE,
    /** Replace: removed for its successor, the uninstaller asked for a soft reboot (1016 with its exit code). */
    REMOVED_BY_SUPERSEDENCE_SOFT_REBOOT,
    /** Replace: removed for its successor, the uninstaller asked for a hard reboot (2011): the successor waits. */
    REMOVED_BY_SUPERSEDENCE_HARD_REBOOT,
    /** Replace: the superseded app was not there; nothing to uninstall. */
    REPLACED_NOT_PRESENT,
    /** Replace: the superseded app's uninstall failed (5008, with the uninstaller's or the engine's code). */
    FAILED_SUPERSEDED_UNINSTALL,
    /** Replace: the superseded app's uninstaller said success, but it is still detected (5008). */
    FAILED_SUPERSEDED_STILL_DETECTED,
    /** The app's superseded app could not be uninstalled: the app is not installed (6009). */
    NOT_ATTEMPTED_SUPERSEDED_UNINSTALL_FAILED,
    /** The app waits for its superseded app's uninstall to be retried (2010). */
    PENDING_UNINSTALL_OF_SUPERSEDED_APPS,
    /** The app is detected, but its superseded app could not be uninstalled (1012). */
    INSTALLED_SUPERSEDED_UNINSTALL_FAILED,
    /** The app is detected, and its superseded app's uninstall waits for a (soft) reboot (1013). */
    INSTALLED_SUPERSEDED_UNINSTALL_PENDING_REBOOT,
    /** The app's superseded app waits for a hard reboot to finish its uninstall: not attempted yet (6010). */
    NOT_ATTEMPTED_SUPERSEDED_UNINSTALL_PENDING_REBOOT
}
