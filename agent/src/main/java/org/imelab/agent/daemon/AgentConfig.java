package org.imelab.agent.daemon;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import org.imelab.agent.time.Cadences;
import org.imelab.registry.RegPath;
import org.imelab.registry.ime.ImeLayout;

/**
 * What the daemon needs to know before it starts; immutable, validated once.
 *
 * @param ipcSocket the local socket {@code imelab moniker/sync/status} talk to
 * @param layout the IME's keys and imelab's own (a real device's unless the lab sandboxes them)
 * @param startDelayMax upper bound of the randomized delay before the first check-in
 * @param shutdownGrace how long a stop waits for a check-in in progress before interrupting it
 * @param zone the zone the console shows times in
 */
public record AgentConfig(
        Path ipcSocket,
        ImeLayout layout,
        Duration startDelayMax,
        Duration shutdownGrace,
        ZoneId zone) {

    /** Long enough for a check-in to write its results, short enough for a service stop. */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(20);

    public AgentConfig {
        Objects.requireNonNull(ipcSocket, "ipcSocket");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(zone, "zone");
        if (startDelayMax.isNegative() || startDelayMax.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("The start delay must be between 0 and 3600 seconds, not "
                    + startDelayMax.toSeconds());
        }
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("The shutdown grace period cannot be negative");
        }
    }

    /** The defaults for a daemon whose socket is {@code ipcSocket}. */
    public static AgentConfig defaults(Path ipcSocket) {
        return new AgentConfig(ipcSocket, ImeLayout.standard(),
                Cadences.START_DELAY_MAX, DEFAULT_SHUTDOWN_GRACE, ZoneId.systemDefault());
    }

    /** The IME's keys under another root (a sandboxed lab, or beside a real IME). */
    public AgentConfig withImeRoot(RegPath root) {
        return withLayout(ImeLayout.at(root));
    }

    public AgentConfig withStartDelayMax(Duration d) {
        return new AgentConfig(ipcSocket, layout, d, shutdownGrace, zone);
    }

    public AgentConfig withLayout(ImeLayout l) {
        return new AgentConfig(ipcSocket, l, startDelayMax, shutdownGrace, zone);
    }

    public AgentConfig withZone(ZoneId z) {
        return new AgentConfig(ipcSocket, layout, startDelayMax, shutdownGrace, z);
    }

    public AgentConfig withShutdownGrace(Duration d) {
        return new AgentConfig(ipcSocket, layout, startDelayMax, d, zone);
    }
}
