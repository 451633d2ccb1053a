package org.imelab.gateway.lab;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * How to run a lab gateway.
 *
 * @param labFile the lab definition (JSON), re-read when it changes
 * @param stateDir where the lab keeps its CA, enrolled devices, received reports and packed content
 * @param bindAddress the address to listen on; the lab is meant for loopback
 * @param port the TCP port, 0 for any free one
 * @param clock "now" for certificates, schedules and report times
 * @param maxNotifyWait the longest a device's long poll on {@code /lab/notify} is held
 */
public record LabConfig(Path labFile, Path stateDir, InetAddress bindAddress, int port, InstantSource clock,
                        Duration maxNotifyWait) {

    /** A long poll is held at most this long unless the caller asks for less. */
    public static final Duration DEFAULT_MAX_NOTIFY_WAIT = Duration.ofSeconds(55);

    public LabConfig {
        Objects.requireNonNull(labFile, "labFile");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(maxNotifyWait, "maxNotifyWait");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, not " + port);
        }
        if (maxNotifyWait.isNegative() || maxNotifyWait.isZero()) {
            throw new IllegalArgumentException("maxNotifyWait must be positive");
        }
    }

    /** Loopback, any free port, the system clock. */
    public static LabConfig of(Path labFile, Path stateDir) {
        return new LabConfig(labFile, stateDir, InetAddress.getLoopbackAddress(), 0, InstantSource.system(),
                DEFAULT_MAX_NOTIFY_WAIT);
    }

    public LabConfig withPort(int newPort) {
        return new LabConfig(labFile, stateDir, bindAddress, newPort, clock, maxNotifyWait);
    }

    public LabConfig withClock(InstantSource newClock) {
        return new LabConfig(labFile, stateDir, bindAddress, port, newClock, maxNotifyWait);
    }

    public LabConfig withBindAddress(InetAddress address) {
        return new LabConfig(labFile, stateDir, address, port, clock, maxNotifyWait);
    }
}
