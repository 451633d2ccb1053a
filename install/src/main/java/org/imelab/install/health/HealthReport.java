package org.imelab.install.health;

import java.util.List;

/** The outcome of one health evaluation: a finding per check. */
public record HealthReport(List<Finding> findings) {

    public enum Level { OK, WARNING, FAILED, REPAIRED }

    /** One check's result, worded for ClientHealth.log. */
    public record Finding(String check, Level level, String message) {
    }

    public HealthReport {
        findings = List.copyOf(findings);
    }

    /** Healthy when no check failed (a repaired check counts as healthy). */
    public boolean healthy() {
        return findings.stream().noneMatch(f -> f.level() == Level.FAILED);
    }

    public Finding finding(String check) {
        return findings.stream().filter(f -> f.check().equals(check)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No finding for " + check));
    }
}
