package org.imelab.logs.ime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imelab.logs.file.CmTraceFileAppender;

/** The IME log files attached to a Logback context by {@link ImeLogSetup}; closing detaches them. */
public final class ImeLogs implements AutoCloseable {

    /** One logger wired to one appender, with what it had before. */
    record Attachment(Logger logger, CmTraceFileAppender appender, Level previousLevel, boolean previousAdditive) {
    }

    private final ImeLogSettings settings;
    private final Map<ImeLogFile, CmTraceFileAppender> appenders;
    private final List<Attachment> attachments;
    private boolean closed;

    ImeLogs(ImeLogSettings settings, Map<ImeLogFile, CmTraceFileAppender> appenders, List<Attachment> attachments) {
        this.settings = settings;
        this.appenders = Collections.unmodifiableMap(appenders);
        this.attachments = List.copyOf(attachments);
    }

    public ImeLogSettings settings() {
        return settings;
    }

    /** The files written (in the legacy layout there is no AppWorkload file). */
    public Map<ImeLogFile, CmTraceFileAppender> appenders() {
        return appenders;
    }

    public Optional<CmTraceFileAppender> appender(ImeLogFile file) {
        return Optional.ofNullable(appenders.get(file));
    }

    /** DEBUG lines too (the IME's {@code switchValue} Verbose), or back to INFO. */
    public synchronized void setVerbose(boolean verbose) {
        for (Attachment a : attachments) {
            a.logger().setLevel(verbose ? Level.DEBUG : Level.INFO);
        }
    }

    /** Detaches the files from the loggers, restores their level and additivity, closes the files. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Attachment a : attachments) {
            a.logger().detachAppender(a.appender());
            a.logger().setLevel(a.previousLevel());
            a.logger().setAdditive(a.previousAdditive());
        }
        for (CmTraceFileAppender appender : appenders.values()) {
            appender.stop();
        }
    }
}
