package org.imelab.agent.ipc;

import java.io.IOException;

/** Nobody listens on the daemon's socket. */
public final class DaemonNotRunningException extends IOException {
    private static final long serialVersionUID = 1L;

    public DaemonNotRunningException(String message, Throwable cause) {
        super(message, cause);
    }
}
