package org.imelab.agent.device.restart;

import java.time.Instant;
import java.util.Objects;
import org.imelab.registry.ime.LabRestartKey;

/**
 * The boot time the engine works with: the machine's, or the lab's simulated restart
 * ({@code imelab restart --simulate}) when that is later. A lab cannot restart the machine it runs
 * on for every pending reboot, so the simulated one counts as a restart for the apps waiting.
 */
public final class LabBootTime implements BootTime {
    private final BootTime system;
    private final LabRestartKey key;

    public LabBootTime(BootTime system, LabRestartKey key) {
        this.system = Objects.requireNonNull(system, "system");
        this.key = Objects.requireNonNull(key, "key");
    }

    @Override
    public Instant lastBoot() {
        Instant real = system.lastBoot();
        return key.simulatedRestartTime().filter(s -> s.isAfter(real)).orElse(real);
    }
}
