package org.imelab.agent.sync;

import java.time.Duration;
import java.util.Optional;
import org.imelab.agent.time.Cadences;

/**
 * Which check-in interval applies: the admin's {@code Settings\Interval} on this device first
 * (a local override is the most specific instruction), else the gateway's
 * {@code CheckinIntervalMinutes}, else 60 minutes. A value outside
 * {@link Cadences#MINIMUM_CHECK_IN}..{@link Cadences#MAXIMUM_CHECK_IN} is ignored, with a reason.
 */
public record CheckinInterval(Duration length, Source source, Optional<String> ignored) {

    /** Where the interval came from. */
    public enum Source { DEFAULT, GATEWAY, SETTINGS_INTERVAL }

    public static CheckinInterval resolve(Optional<Duration> settingsInterval, Optional<Duration> gatewayInterval) {
        StringBuilder ignored = new StringBuilder();
        if (settingsInterval.isPresent()) {
            if (inRange(settingsInterval.get())) {
                return new CheckinInterval(settingsInterval.get(), Source.SETTINGS_INTERVAL, Optional.empty());
            }
            ignored.append("Settings\\Interval of ").append(settingsInterval.get().toSeconds())
                    .append(" seconds is outside ").append(range());
        }
        if (gatewayInterval.isPresent()) {
            if (inRange(gatewayInterval.get())) {
                return new CheckinInterval(gatewayInterval.get(), Source.GATEWAY,
                        ignored.isEmpty() ? Optional.empty() : Optional.of(ignored.toString()));
            }
            if (!ignored.isEmpty()) {
                ignored.append("; ");
            }
            ignored.append("CheckinIntervalMinutes of ").append(gatewayInterval.get().toMinutes())
                    .append(" minutes is outside ").append(range());
        }
        return new CheckinInterval(Cadences.CHECK_IN, Source.DEFAULT,
                ignored.isEmpty() ? Optional.empty() : Optional.of(ignored.toString()));
    }

    public static boolean inRange(Duration d) {
        return d.compareTo(Cadences.MINIMUM_CHECK_IN) >= 0 && d.compareTo(Cadences.MAXIMUM_CHECK_IN) <= 0;
    }

    private static String range() {
        return Cadences.MINIMUM_CHECK_IN.toSeconds() + ".." + Cadences.MAXIMUM_CHECK_IN.toSeconds() + " seconds";
    }
}
