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

    /** A persisted retry is due. */
    record RetryDue() implements AppEvent {}

    /**
     * The pass starts, but a dependency of the app ended badly in this pass: the app is not
     * attempted. {@code requirementsNotMet} tells a not-applicable dependency from a failed one.
     */
    record DependencyBlocked(boolean requirementsNotMet) implements AppEvent {}
}
