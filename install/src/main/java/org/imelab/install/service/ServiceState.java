package org.imelab.install.service;

/** A service's current state, with the SCM's dwCurrentState codes; plus two of our own. */
public enum ServiceState {
    STOPPED(1), START_PENDING(2), STOP_PENDING(3), RUNNING(4), CONTINUE_PENDING(5), PAUSE_PENDING(6), PAUSED(7),
    /** No such service. */
    NOT_INSTALLED(-1),
    /** The service manager could not tell (e.g. systemd is not running). */
    UNKNOWN(-2);

    private final int code;

    ServiceState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ServiceState ofCode(int code) {
        for (ServiceState s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown service state " + code);
    }
}
