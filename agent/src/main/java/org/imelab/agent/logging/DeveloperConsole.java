package org.imelab.agent.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.util.Locale;

/**
 * The developer diagnostics console: class loggers (never the IME's CMTrace files) on standard
 * error, so that standard output stays the CLI's. WARN unless {@code IMELAB_LOG_LEVEL} (or the
 * system property {@code imelab.log.level}) asks for another level.
 *
 * <p>The {@code ime} loggers log at INFO from the start (the IME's default level), whether or
 * not their files are open yet, so what the agent logs does not depend on the console's level;
 * the console's threshold filter keeps their information lines off the console.
 */
public final class DeveloperConsole {

    /** The appender's name, to find it again. */
    public static final String APPENDER_NAME = "developer-console";
    static final String LEVEL_PROPERTY = "imelab.log.level";
    static final String LEVEL_VARIABLE = "IMELAB_LOG_LEVEL";
    /** Parent of the {@code ime.<Base>} loggers that feed the IME files. */
    static final String IME_LOGGERS = "ime";

    private DeveloperConsole() {
    }

    /** Resets {@code context} to the console alone: no files of any kind. */
    public static void install(LoggerContext context, Level level) {
        context.reset();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(APPENDER_NAME);
        console.setTarget("System.err");
        console.setEncoder(encoder);
        ThresholdFilter threshold = new ThresholdFilter();
        threshold.setContext(context);
        threshold.setLevel(level.levelStr);
        threshold.start();
        console.addFilter(threshold);
        console.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(level);
        root.addAppender(console);
        context.getLogger(IME_LOGGERS).setLevel(Level.INFO);
    }

    /** Changes the console's level (root level and threshold) after {@link #install}. */
    public static void setLevel(LoggerContext context, Level level) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(level);
        if (root.getAppender(APPENDER_NAME) instanceof ConsoleAppender<ILoggingEvent> console) {
            for (var filter : console.getCopyOfAttachedFiltersList()) {
                if (filter instanceof ThresholdFilter t) {
                    t.setLevel(level.levelStr);
                }
            }
        }
    }

    /** The level asked for by the property, else the environment variable, else WARN. */
    public static Level requestedLevel(String property, String variable) {
        String asked = property != null && !property.isBlank() ? property : variable;
        if (asked == null || asked.isBlank()) {
            return Level.WARN;
        }
        Level level = Level.toLevel(asked.trim().toUpperCase(Locale.ROOT), null);
        return level == null ? Level.WARN : level;
    }
}
