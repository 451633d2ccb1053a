package org.imelab.install.health;

import java.util.function.BooleanSupplier;
import org.imelab.install.service.ServiceState;

/**
 * Whether the daemon answers on its local IPC socket: the only way to tell when it runs without
 * a service manager (a foreground {@code imelab run}). It cannot restart anything.
 */
public final class DaemonSocketProbe implements ServiceProbe {
    private final String socket;
    private final BooleanSupplier answers;

    /** @param answers true when the daemon answered a ping on {@code socket} */
    public DaemonSocketProbe(String socket, BooleanSupplier answers) {
        this.socket = socket;
        this.answers = answers;
    }

    @Override
    public String subject() {
        return "the daemon on " + socket;
    }

    @Override
    public ServiceState state() {
        return answers.getAsBoolean() ? ServiceState.RUNNING : ServiceState.STOPPED;
    }

    @Override
    public void restart() {
        throw new UnsupportedOperationException("A daemon without a service manager cannot be restarted from here");
    }

    @Override
    public boolean canRestart() {
        return false;
    }
}
