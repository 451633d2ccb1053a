package org.imelab.registry.ime;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the registry holds for one app key. A part that is missing, or that a reader could not make
 * sense of (hand-edited, written by a newer agent), reads as empty.
 */
public record Win32AppRecord(
        Scope scope,
        Win32AppKey app,
        Optional<Instant> lastUpdatedTimeUtc,
        Optional<ComplianceStateMessage> compliance,
        Optional<EnforcementStateMessage> enforcement) {

    public Win32AppRecord {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(lastUpdatedTimeUtc, "lastUpdatedTimeUtc");
        Objects.requireNonNull(compliance, "compliance");
        Objects.requireNonNull(enforcement, "enforcement");
    }
}
