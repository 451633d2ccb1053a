package org.imelab.agent.device.restart;

import java.io.IOException;
import java.time.Duration;

/** Restarts the machine the agent runs on. Tests use a recording one: the test machine never restarts. */
@FunctionalInterface
public interface DeviceRestarter {

    /**
     * Asks the operating system to restart after {@code delay}, showing {@code reason} where it can.
     *
     * @throws IOException when the restart could not be requested (the command failed or is missing)
     */
    void restart(Duration delay, String reason) throws IOException;
}
