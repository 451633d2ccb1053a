package org.imelab.agent.win32app.lifecycle;

import org.imelab.gateway.protocol.win32.ReturnCodeType;

/** What the runner observed after carrying out an effect. */
public sealed interface AppEvent {

    /** The pass starts for this app (or resumes at a retry due time). */
    record Begin() implements AppEvent {}

    /** A detection finished: the app is there or not. */
    record Detected(boolean present) implements AppEvent {}

    /** Requirements and applicability evaluated; {@code applicability} 0 = Applicable, else its code (1000-1011). */
    record ApplicabilityEvaluated(int applicability) implements AppEvent {}

    /** Content phase 1. */
    record Downloaded(boolean ok, int errorCode) implements AppEvent {}

    /** Content phase 2: HMAC, decryption, digest. */
    record Verified(boolean ok, int errorCode) implements AppEvent {}

    /** Content phase 3: unpacked into IMECache. */
    record Unpacked(boolean ok, int errorCode) implements AppEvent {}

    /** The installer (or uninstaller) exited; the kind comes from the policy's ReturnCodes. */
    record Executed(ReturnCodeType kind, int exitCode) implements AppEvent {}

    /** The installer ran past MaxRunTimeInMinutes and was killed with its process tree. */
    record TimedOut() implements AppEvent {}

    /** The installer could not be started at all. */
    record LaunchFailed(int errorCode) implements AppEvent {}

    /**
     * After the app's pass, an app it supersedes by Update, looked at after it, is still detected:
     * the installed app's success is amended to say so.
     */
    record SupersededAppsDetected() implements AppEvent {}

    /** A persisted retry is due. */
    record RetryDue() implements AppEvent {}

    /**
     * The pass starts, but a relative processed before the app in this pass ended so that the app
     * must not be installed: a dependency failed, is not applicable, or is a detect-only dependency
     * that is not there; or a superseded app to replace could not be uninstalled.
     */
    record DependencyBlocked(Blocker blocker) implements AppEvent {
        /** Compatibility with the two original kinds: failed, or not applicable. */
        public DependencyBlocked(boolean requirementsNotMet) {
            this(requirementsNotMet ? Blocker.DEPENDENCY_NOT_APPLICABLE : Blocker.DEPENDENCY_FAILED);
        }
    }

    /** Why a relative blocks the app. */
    enum Blocker {
        /** A dependency failed (or waits in the GRS): EnforcementState 6001. */
        DEPENDENCY_FAILED,
        /** A dependency's requirements are not met: 6003. */
        DEPENDENCY_NOT_APPLICABLE,
        /** A dependency with "automatically install" off is not detected: 6005, or 1007 when the app is there. */
        DEPENDENCY_AUTO_INSTALL_OFF,
        /** A superseded app (Replace) could not be uninstalled: 6009, or 1012 when the app is there. */
        SUPERSEDED_UNINSTALL_FAILED,
        /** A superseded app (Replace) waits to retry its uninstall: 2010, the app waits with it. */
        SUPERSEDED_UNINSTALL_PENDING,
        /** A superseded app (Replace) was uninstalled with a hard reboot code: 6010, or 1013 when the app is there. */
        SUPERSEDED_UNINSTALL_PENDING_REBOOT
    }
}
