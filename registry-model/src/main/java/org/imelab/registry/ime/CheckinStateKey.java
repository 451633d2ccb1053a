package org.imelab.registry.ime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;

/**
 * imelab's own record of the check-in schedule: when the agent last checked in, when the timer
 * is next due, the interval the gateway asked for, and what the last check-in used. It lives in
 * imelab's key ({@code {labRoot}\Checkin}), not under the IME key: no public source shows such
 * values there, and admin scripts must not meet names we invented (ime-behaviour.md C §1.8).
 * The IME's own override, {@code Settings\Interval}, is read through {@link ImeSettingsStore}.
 */
public final class CheckinStateKey {

    /** The key below imelab's root; {@link ImeLayout#checkinState()} owns its place. */
    public static final String CHECKIN = ImeLayout.CHECKIN;

    /** Start of the last check-in, UTC, in the IME's time format ({@link ImeTime}). */
    public static final String LAST_CHECKIN_TIME_UTC = "LastCheckinTimeUtc";
    /** What caused the last check-in, e.g. {@code ServiceStart} or {@code Timer, SyncApp}. */
    public static final String LAST_CHECKIN_REASON = "LastCheckinReason";
    /** {@code Success} or {@code Failed: <reason>}. */
    public static final String LAST_CHECKIN_RESULT = "LastCheckinResult";
    /** When the check-in timer is next due, UTC. */
    public static final String NEXT_CHECKIN_TIME_UTC = "NextCheckinTimeUtc";
    /** The gateway's last {@code CheckinIntervalMinutes}, REG_DWORD (the "cache" of the interval). */
    public static final String GATEWAY_INTERVAL_MINUTES = "GatewayIntervalMinutes";
    /** The gateway the last check-in talked to. */
    public static final String GATEWAY_URL = "GatewayUrl";
    /** SHA-1 thumbprint of the client certificate the last check-in used. */
    public static final String CERTIFICATE_THUMBPRINT = "CertificateThumbprint";

    private final Registry registry;
    private final RegPath path;

    public CheckinStateKey(Registry registry, ImeLayout layout) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.path = layout.checkinState();
    }

    public RegPath path() {
        return path;
    }

    /** Everything stored; a value that is missing or unreadable reads as absent. */
    public CheckinState read() {
        Map<String, RegValue> v = registry.values(path);
        return new CheckinState(
                RegValues.time(Optional.ofNullable(v.get(LAST_CHECKIN_TIME_UTC))),
                text(v.get(LAST_CHECKIN_REASON)),
                text(v.get(LAST_CHECKIN_RESULT)),
                RegValues.time(Optional.ofNullable(v.get(NEXT_CHECKIN_TIME_UTC))),
                RegValues.number(Optional.ofNullable(v.get(GATEWAY_INTERVAL_MINUTES)))
                        .filter(m -> m > 0 && m <= Integer.MAX_VALUE)
                        .map(Duration::ofMinutes),
                text(v.get(GATEWAY_URL)),
                text(v.get(CERTIFICATE_THUMBPRINT)));
    }

    /** Records a finished check-in in one registry batch. */
    public void recordCheckin(Instant started, String reason, String result) {
        registry.apply(List.of(
                new RegOp.Put(path, LAST_CHECKIN_TIME_UTC, RegValue.sz(ImeTime.format(started))),
                new RegOp.Put(path, LAST_CHECKIN_REASON, RegValue.sz(reason)),
                new RegOp.Put(path, LAST_CHECKIN_RESULT, RegValue.sz(result))));
    }

    /** Records when the timer is next due (whole seconds, as stored). */
    public void recordNextCheckin(Instant next) {
        registry.put(path, NEXT_CHECKIN_TIME_UTC, RegValue.sz(ImeTime.format(next)));
    }

    /** Records the gateway's interval, or removes it when the gateway stopped sending one. */
    public void recordGatewayInterval(Optional<Duration> interval) {
        if (interval.isPresent()) {
            long minutes = interval.get().toMinutes();
            if (minutes < 1 || minutes > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("Gateway interval out of range: " + interval.get());
            }
            registry.put(path, GATEWAY_INTERVAL_MINUTES, RegValue.dword((int) minutes));
        } else {
            registry.deleteValue(path, GATEWAY_INTERVAL_MINUTES);
        }
    }

    /** Records which gateway and certificate the last check-in used; absent parts are removed. */
    public void recordConnection(Optional<String> gatewayUrl, Optional<String> certificateThumbprint) {
        List<RegOp> ops = new ArrayList<>();
        ops.add(gatewayUrl.<RegOp>map(u -> new RegOp.Put(path, GATEWAY_URL, RegValue.sz(u)))
                .orElse(new RegOp.DeleteValue(path, GATEWAY_URL)));
        ops.add(certificateThumbprint.<RegOp>map(t -> new RegOp.Put(path, CERTIFICATE_THUMBPRINT, RegValue.sz(t)))
                .orElse(new RegOp.DeleteValue(path, CERTIFICATE_THUMBPRINT)));
        registry.apply(ops);
    }

    private static Optional<String> text(RegValue v) {
        return RegValues.string(Optional.ofNullable(v)).filter(s -> !s.isEmpty());
    }

    /** What {@link #read()} found. */
    public record CheckinState(
            Optional<Instant> lastCheckin,
            Optional<String> lastReason,
            Optional<String> lastResult,
            Optional<Instant> nextCheckin,
            Optional<Duration> gatewayInterval,
            Optional<String> gatewayUrl,
            Optional<String> certificateThumbprint) {
    }
}
