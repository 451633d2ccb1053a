package org.imelab.agent.device;

import java.util.Objects;
import org.imelab.agent.device.restart.DeviceRestarter;
import org.imelab.agent.device.restart.SystemDeviceRestarter;
import org.imelab.agent.session.LoggedOnUsers;

/**
 * What the device stack may touch of the machine it runs on beyond files and the registry: who is
 * logged on, and how the machine is restarted. Tests give their own, so a test never restarts the
 * machine running it.
 */
public record HostMachine(LoggedOnUsers loggedOn, DeviceRestarter restarter) {
    /** For tests: the machine is never restarted; asking to is an error the agent logs. */
    public static final DeviceRestarter NEVER_RESTART = (delay, reason) -> {
        throw new java.io.IOException("this host is never restarted by the agent");
    };

    public HostMachine {
        Objects.requireNonNull(loggedOn, "loggedOn");
        Objects.requireNonNull(restarter, "restarter");
    }

    /** This machine's sessions and its real restart (used only when AllowDeviceRestart is 1). */
    public static HostMachine of(LoggedOnUsers loggedOn) {
        return new HostMachine(loggedOn, new SystemDeviceRestarter());
    }
}
