package org.imelab.install.service;

/**
 * One SERVICE_STATUS report to the SCM: the state, the controls accepted in it, the exit codes,
 * and for pending states the checkpoint and the wait hint within which the next report is due.
 */
public record ScmStatus(ServiceState state, int controlsAccepted, int win32ExitCode,
                        int serviceSpecificExitCode, int checkPoint, int waitHintMillis) {

    /** SERVICE_ACCEPT_STOP. */
    public static final int ACCEPT_STOP = 0x1;
    /** SERVICE_ACCEPT_SHUTDOWN. */
    public static final int ACCEPT_SHUTDOWN = 0x4;
    /** SERVICE_ACCEPT_PRESHUTDOWN. */
    public static final int ACCEPT_PRESHUTDOWN = 0x100;
    /** ERROR_SERVICE_SPECIFIC_ERROR: the exit code is in the service-specific field. */
    public static final int ERROR_SERVICE_SPECIFIC_ERROR = 1066;
}
