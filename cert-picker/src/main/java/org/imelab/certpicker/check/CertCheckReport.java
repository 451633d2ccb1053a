package org.imelab.certpicker.check;

import java.util.List;

/** What one run did, step by step, in the words of the log, and how it ended. */
public record CertCheckReport(List<Entry> entries, CheckOutcome outcome) {

    public CertCheckReport {
        entries = List.copyOf(entries);
    }

    public enum Level { INFO, WARNING, ERROR }

    /** One log line's message, without the {@code [ClientCertCheck]} prefix. */
    public record Entry(CheckStep step, Level level, String message) {
    }

    public List<Entry> entries(CheckStep step) {
        return entries.stream().filter(e -> e.step() == step).toList();
    }
}
