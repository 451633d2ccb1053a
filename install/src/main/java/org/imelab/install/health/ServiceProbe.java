package org.imelab.install.health;

import org.imelab.install.service.ServiceState;

/** Tells whether the daemon runs, and restarts it: the SCM, systemd, or the daemon's own socket. */
public interface ServiceProbe {

    /** What is asked, for the log ("service IntuneManagementExtension", "systemd unit imelab.service"). */
    String subject();

    /** {@link ServiceState#UNKNOWN} when this probe cannot tell. */
    ServiceState state();

    /** Starts the daemon again; throws when it cannot. */
    void restart();

    /** True when {@link #restart} is possible at all. */
    default boolean canRestart() {
        return true;
    }
}
