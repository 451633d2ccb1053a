package org.imelab.logs;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.time.Instant;

/** Logback events for tests, built on a private context (never the global one). */
public final class Events {
    private static final LoggerContext CONTEXT = new LoggerContext();

    private Events() {
    }

    public static LoggingEvent event(String logger, Level level, String message, Instant at) {
        return event(logger, level, message, at, null);
    }

    public static LoggingEvent event(String logger, Level level, String message, Instant at, Throwable t) {
        LoggingEvent e = new LoggingEvent(Events.class.getName(), CONTEXT.getLogger(logger), level, message, t, null);
        e.setInstant(at);
        return e;
    }
}
