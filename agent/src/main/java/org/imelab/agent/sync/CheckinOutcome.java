package org.imelab.agent.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link CheckinHandler} reports back: whether the check-in succeeded, one readable line
 * for the console, and what it learnt that the schedule and {@code imelab status} care about.
 *
 * @param gatewayInterval the gateway's {@code CheckinIntervalMinutes}, when it sent one
 * @param gatewayUrl the gateway the check-in talked to, when known
 * @param certificateThumbprint the client certificate it used, when known
 */
public record CheckinOutcome(
        boolean success,
        String summary,
        Optional<Duration> gatewayInterval,
        Optional<String> gatewayUrl,
        Optional<String> certificateThumbprint) {

    public CheckinOutcome {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(gatewayInterval, "gatewayInterval");
        Objects.requireNonNull(gatewayUrl, "gatewayUrl");
        Objects.requireNonNull(certificateThumbprint, "certificateThumbprint");
    }

    public static CheckinOutcome success(String summary) {
        return new CheckinOutcome(true, summary, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static CheckinOutcome failed(String reason) {
        return new CheckinOutcome(false, reason, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public CheckinOutcome withGatewayInterval(Duration interval) {
        return new CheckinOutcome(success, summary, Optional.of(interval), gatewayUrl, certificateThumbprint);
    }

    public CheckinOutcome withConnection(String url, String thumbprint) {
        return new CheckinOutcome(success, summary, gatewayInterval,
                Optional.ofNullable(url), Optional.ofNullable(thumbprint));
    }

    /** {@code Success} or {@code Failed: <summary>}, as stored in the registry. */
    public String resultText() {
        return success ? "Success" : "Failed: " + summary;
    }
}
