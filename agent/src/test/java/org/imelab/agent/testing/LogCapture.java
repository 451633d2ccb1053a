package org.imelab.agent.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects the messages one logger writes while a test runs. */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture(String loggerName) {
        this.logger = (Logger) LoggerFactory.getLogger(loggerName);
        appender.start();
        logger.addAppender(appender);
    }

    /** The IME's main log, where the check-in lines go. */
    public static LogCapture ime() {
        return new LogCapture("ime.IntuneManagementExtension");
    }

    public List<String> messages() {
        synchronized (appender.list) {
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    public long count(String message) {
        return messages().stream().filter(message::equals).count();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}
