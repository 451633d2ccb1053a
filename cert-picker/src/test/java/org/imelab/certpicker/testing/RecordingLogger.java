package org.imelab.certpicker.testing;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** An SLF4J logger that keeps every line, to check what ClientCertCheck.log would say. */
public final class RecordingLogger extends LegacyAbstractLogger {
    public record Line(Level level, String message) {
    }

    private final List<Line> lines = new ArrayList<>();

    public RecordingLogger(String name) {
        this.name = name;
    }

    public synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    public synchronized List<String> messages() {
        return lines.stream().map(Line::message).toList();
    }

    public synchronized void clear() {
        lines.clear();
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected synchronized void handleNormalizedLoggingCall(Level level, Marker marker, String pattern,
                                                            Object[] arguments, Throwable throwable) {
        lines.add(new Line(level, MessageFormatter.basicArrayFormat(pattern, arguments)));
    }

    @Override public boolean isTraceEnabled() { return true; }
    @Override public boolean isDebugEnabled() { return true; }
    @Override public boolean isInfoEnabled() { return true; }
    @Override public boolean isWarnEnabled() { return true; }
    @Override public boolean isErrorEnabled() { return true; }
}
