package org.imelab.agent.win32app.lifecycle;

/**
 * Where one app stands in one processing pass. The terminal states end the pass for that app;
 * {@link #WAITING_RETRY} ends it too but leaves a persisted due time behind.
 */
public enum AppState {
    NEW(false),
    DETECTING(false),
    /** Detecting an app whose detect-only dependency is missing: installed already, or not attempted. */
    DETECTING_WITHOUT_DEPENDENCY(false),
    /** Detecting an app whose superseded app could not be uninstalled: installed already, or not attempted. */
    DETECTING_WITH_SUPERSEDED_APP(false),
    /** Detecting an app whose superseded app waits for a hard reboot: installed already, or not attempted. */
    DETECTING_WITH_SUPERSEDED_APP_PENDING_REBOOT(false),
    CHECKING_APPLICABILITY(false),
    DOWNLOADING(false),
    VERIFYING(false),
    UNPACKING(false),
    EXECUTING(false),
    DETECTING_AFTER_EXECUTION(false),
    WAITING_RETRY(true),
    INSTALLED(true),
    NOT_PRESENT(true),
    NOT_APPLICABLE(true),
    AVAILABLE(true),
    WAITING_SCHEDULE(true),
    CONTENT_CACHED(true),
    IN_GRS(true),
    /** Waiting for a superseded app's uninstall (a retry) before installing. */
    WAITING_FOR_SUPERSEDED(true),
    NOT_ATTEMPTED(true),
    /** Its recorded result waits for a device restart that has not happened: left as it is, not reported again. */
    PENDING_REBOOT(true),
    FAILED(true);

    private final boolean endsPass;

    AppState(boolean endsPass) {
        this.endsPass = endsPass;
    }

    public boolean endsPass() {
        return endsPass;
    }
}
