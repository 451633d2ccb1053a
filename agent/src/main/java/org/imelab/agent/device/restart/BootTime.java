package org.imelab.agent.device.restart;

import java.time.Instant;

/** When the device last started: the moment an app's pending restart is measured against. */
@FunctionalInterface
public interface BootTime {

    /** The device's last boot; never in the future of the caller's clock. */
    Instant lastBoot();
}
