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
    /** Required uninstall and the app is gone (already, or after the uninstaller). */
    NOT_PRESENT,
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
    NOT_ATTEMPTED_DEPENDENCY_NOT_APPLICABLE
}
