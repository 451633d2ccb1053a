package org.imelab.agent.daemon;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.imelab.agent.sync.CheckinInterval;
import org.imelab.agent.sync.CheckinRequest;
import org.imelab.registry.Registry;
import org.imelab.registry.ime.CheckinStateKey;
import org.imelab.registry.ime.CheckinStateKey.CheckinState;
import org.imelab.registry.ime.ImeLayout;
import org.imelab.registry.ime.ImeSettingsStore;

/**
 * What {@code imelab status} shows, as ordered label/value lines. The running daemon answers it
 * over IPC with its live view; without a daemon, the CLI builds it from the registry alone.
 */
public final class AgentStatus {
    public static final String AGENT = "Agent";
    public static final String LAST_CHECKIN = "Last check-in";
    public static final String CHECKIN_IN_PROGRESS = "Check-in in progress";
    public static final String NEXT_CHECKIN = "Next check-in";
    public static final String INTERVAL = "Check-in interval";
    public static final String GATEWAY = "Gateway";
    public static final String CERTIFICATE = "Certificate";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);

    private AgentStatus() {
    }

    /** The live view of a running daemon. */
    static Map<String, String> live(String agentLine, CheckinState stored, Optional<CheckinRequest> inProgress,
            Optional<Instant> nextCheckin, Optional<CheckinInterval> interval, ZoneId zone) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(AGENT, agentLine);
        m.put(LAST_CHECKIN, lastCheckin(stored, zone));
        inProgress.ifPresent(r -> m.put(CHECKIN_IN_PROGRESS,
                "#" + r.number() + " (" + r.reason() + ") since " + format(r.started(), zone)));
        m.put(NEXT_CHECKIN, nextCheckin.map(t -> format(t, zone)).orElse("not scheduled"));
        m.put(INTERVAL, interval.map(AgentStatus::interval).orElse("unknown"));
        connection(m, stored);
        return m;
    }

    /** The view from the registry when no daemon runs. */
    public static Map<String, String> stored(Registry registry, ImeLayout layout, ZoneId zone) {
        CheckinState stored = new CheckinStateKey(registry, layout).read();
        Map<String, String> m = new LinkedHashMap<>();
        m.put(AGENT, "not running");
        m.put(LAST_CHECKIN, lastCheckin(stored, zone));
        m.put(NEXT_CHECKIN, stored.nextCheckin()
                .map(t -> format(t, zone) + " (as last scheduled; the agent checks in when it starts)")
                .orElse("at the next start of the agent"));
        m.put(INTERVAL, interval(CheckinInterval.resolve(new ImeSettingsStore(registry, layout).checkinInterval(),
                stored.gatewayInterval())));
        connection(m, stored);
        return m;
    }

    private static void connection(Map<String, String> m, CheckinState stored) {
        m.put(GATEWAY, stored.gatewayUrl().orElse("unknown (no check-in has reached a gateway yet)"));
        m.put(CERTIFICATE, stored.certificateThumbprint().orElse("unknown (no certificate used yet)"));
    }

    private static String lastCheckin(CheckinState s, ZoneId zone) {
        return s.lastCheckin()
                .map(t -> format(t, zone) + " (" + s.lastReason().orElse("?") + "): " + s.lastResult().orElse("?"))
                .orElse("never");
    }

    private static String interval(CheckinInterval i) {
        String source = switch (i.source()) {
            case DEFAULT -> "default";
            case GATEWAY -> "from the gateway";
            case SETTINGS_INTERVAL -> "from Settings\\Interval";
        };
        return i.length().toSeconds() + " s (" + source + ")";
    }

    static String format(Instant t, ZoneId zone) {
        return TIME.format(t.atZone(zone));
    }
}
