package org.imelab.certpicker.check;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each step's outcome to ClientCertCheck.log (logger {@code ime.ClientCertCheck}, lines
 * prefixed {@code [ClientCertCheck]}) and keeps it for the report, so the CLI prints exactly what
 * the log says. Callers pass finished messages that hold nothing secret: thumbprints, subjects,
 * ids and times only.
 */
final class CheckLog {
    /** The logger whose lines go to ClientCertCheck.log. */
    static final String LOGGER_NAME = "ime.ClientCertCheck";
    static final String PREFIX = "[ClientCertCheck] ";

    private final Logger logger;
    private final List<CertCheckReport.Entry> entries = new ArrayList<>();

    CheckLog(Logger logger) {
        this.logger = logger;
    }

    static Logger defaultLogger() {
        return LoggerFactory.getLogger(LOGGER_NAME);
    }

    void info(CheckStep step, String message) {
        logger.info(PREFIX + message);
        entries.add(new CertCheckReport.Entry(step, CertCheckReport.Level.INFO, message));
    }

    void warn(CheckStep step, String message) {
        logger.warn(PREFIX + message);
        entries.add(new CertCheckReport.Entry(step, CertCheckReport.Level.WARNING, message));
    }

    void error(CheckStep step, String message) {
        logger.error(PREFIX + message);
        entries.add(new CertCheckReport.Entry(step, CertCheckReport.Level.ERROR, message));
    }

    List<CertCheckReport.Entry> entries() {
        return List.copyOf(entries);
    }
}
