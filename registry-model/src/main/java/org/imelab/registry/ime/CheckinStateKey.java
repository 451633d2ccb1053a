package org.imelab.registry.ime;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;

/**
 * imelab's own record of the check-in schedule: when the agent last checked in, when the timer
 * is next due, the interval the gateway asked for, and what the last check-in used. It lives in
 * imelab's key, not under the IME key: no public source shows such values there, and admin
 * scripts must not meet names we invented (ime-behaviour.md C §1.8).
 *
 * <p>It also reads the one IME value the schedule depends on, {@code Settings\Interval}.
 */
public final class CheckinStateKey {

    /** Where the state lives unless configured otherwise. */
    public static final RegPath DEFAULT_PATH = RegPath.parse("HKLM\\SOFTWARE\\imelab\\Checkin");

    /** Start of the last check-in, UTC {@code MM/dd/yyyy HH:mm:ss} like the IME's own times. */
    public static final String LAST_CHECKIN_TIME_UTC = "LastCheckinTimeUtc";
    /** What caused the last check-in, e.g. {@code ServiceStart} or {@code Timer, Moniker}. */
    public static final String LAST_CHECKIN_REASON = "LastCheckinReason";
    /** {@code Success} or {@code Failed: <reason>}. */
    public static final String LAST_CHECKIN_RESULT = "LastCheckinResult";
    /** When the 60-minute timer is next due, UTC. */
    public static final String NEXT_CHECKIN_TIME_UTC = "NextCheckinTimeUtc";
    /** The gateway's last {@code CheckinIntervalMinutes}, REG_DWORD. */
    public static final String GATEWAY_INTERVAL_MINUTES = "GatewayIntervalMinutes";
    /** The gateway the last check-in talked to. */
    public static final String GATEWAY_URL = "GatewayUrl";
    /** SHA-1 thumbprint of the client certificate the last check-in used. */
    public static final String CERTIFICATE_THUMBPRINT = "CertificateThumbprint";

    /** {@code Settings} under the IME root. */
    public static final String IME_SETTINGS_KEY = "Settings";
    /** {@code Settings\Interval}: check-in interval override in seconds. */
    public static final String IME_SETTINGS_INTERVAL = "Interval";

    /** The IME's own time format for UTC times in the registry (ime-behaviour.md Part A). */
    public static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss", Locale.ROOT);

    private final Registry registry;
    private final RegPath path;

    public CheckinStateKey(Registry registry, RegPath path) {
        this.registry = registry;
        this.path = path;
    }

    public CheckinStateKey(Registry registry) {
        this(registry, DEFAULT_PATH);
    }

    public RegPath path() {
        return path;
    }

    /** Everything stored; a value that is missing or unreadable reads as absent. */
    public CheckinState read() {
        Map<String, RegValue> v = registry.values(path);
        return new CheckinState(
                time(v.get(LAST_CHECKIN_TIME_UTC)),
                text(v.get(LAST_CHECKIN_REASON)),
                text(v.get(LAST_CHECKIN_RESULT)),
                time(v.get(NEXT_CHECKIN_TIME_UTC)),
                minutes(v.get(GATEWAY_INTERVAL_MINUTES)),
                text(v.get(GATEWAY_URL)),
                text(v.get(CERTIFICATE_THUMBPRINT)));
    }

    /** Records a finished check-in in one registry batch. */
    public void recordCheckin(Instant started, String reason, String result) {
        registry.apply(List.of(
                new RegOp.Put(path, LAST_CHECKIN_TIME_UTC, RegValue.sz(format(started))),
                new RegOp.Put(path, LAST_CHECKIN_REASON, RegValue.sz(reason)),
                new RegOp.Put(path, LAST_CHECKIN_RESULT, RegValue.sz(result))));
    }

    /** Records when the timer is next due (second precision, as stored). */
    public void recordNextCheckin(Instant next) {
        registry.put(path, NEXT_CHECKIN_TIME_UTC, RegValue.sz(format(next)));
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

    /**
     * The admin's {@code Settings\Interval} override under the IME root, in seconds; empty when it
     * is not set.
     *
     * @throws IllegalArgumentException when the value is there but is not a positive number of
     *         seconds (REG_DWORD, REG_QWORD or a decimal REG_SZ), so the caller can say so
     */
    public static Optional<Duration> settingsInterval(Registry registry, RegPath imeRoot) {
        Optional<RegValue> raw = registry.get(imeRoot.child(IME_SETTINGS_KEY), IME_SETTINGS_INTERVAL);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        long seconds = switch (raw.get()) {
            case RegValue.Dword d -> Integer.toUnsignedLong(d.value());
            case RegValue.Qword q -> q.value();
            case RegValue.Sz s -> parseSeconds(s.value());
            default -> throw new IllegalArgumentException(IME_SETTINGS_KEY + "\\" + IME_SETTINGS_INTERVAL
                    + " has type " + raw.get().type() + "; expected REG_DWORD seconds");
        };
        if (seconds <= 0) {
            throw new IllegalArgumentException(IME_SETTINGS_KEY + "\\" + IME_SETTINGS_INTERVAL
                    + " is " + seconds + "; expected a positive number of seconds");
        }
        return Optional.of(Duration.ofSeconds(seconds));
    }

    /** Formats a UTC time as the registry stores it (fractions of a second are dropped). */
    public static String format(Instant t) {
        return UTC_TIME.format(LocalDateTime.ofInstant(t.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC));
    }

    /** Parses a stored UTC time. */
    public static Instant parse(String text) {
        return LocalDateTime.parse(text, UTC_TIME).toInstant(ZoneOffset.UTC);
    }

    private static long parseSeconds(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(IME_SETTINGS_KEY + "\\" + IME_SETTINGS_INTERVAL
                    + " is '" + text + "'; expected a number of seconds", e);
        }
    }

    private static Optional<Instant> time(RegValue v) {
        if (v instanceof RegValue.Sz s) {
            try {
                return Optional.of(parse(s.value()));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<String> text(RegValue v) {
        return v instanceof RegValue.Sz s && !s.value().isEmpty() ? Optional.of(s.value()) : Optional.empty();
    }

    private static Optional<Duration> minutes(RegValue v) {
        return v instanceof RegValue.Dword d && d.value() > 0
                ? Optional.of(Duration.ofMinutes(d.value()))
                : Optional.empty();
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
