package org.imelab.logs.ime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.imelab.logs.cmtrace.CmTraceEncoder;
import org.imelab.logs.file.CmTraceFileAppender;
import org.imelab.logs.file.LogRollover;

/**
 * Connects the {@code ime.<Base>} loggers of a Logback context to the IME's CMTrace files, with
 * no logback.xml: one {@link CmTraceFileAppender} per file of the {@link ImeLogLayout}, each
 * with a {@link CmTraceEncoder} fixed to that file's component.
 *
 * <p>The IME loggers are made non-additive, so their lines go to the IME files only and never
 * to the developer console; every other logger is left alone, so nothing but {@code ime.<Base>}
 * lines ever reaches an IME file. The IME loggers log at INFO (the IME's default
 * {@code switchValue} Information), or DEBUG when {@link ImeLogs#setVerbose verbose}.
 */
public final class ImeLogSetup {

    private final ImeLogSettings settings;

    public ImeLogSetup(ImeLogSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Attaches and starts the files; {@link ImeLogs#close()} detaches them again. */
    public ImeLogs install(LoggerContext context) {
        Map<ImeLogFile, CmTraceFileAppender> appenders = new EnumMap<>(ImeLogFile.class);
        List<ImeLogs.Attachment> attachments = new ArrayList<>();
        for (ImeLogFile source : ImeLogFile.values()) {
            ImeLogFile target = settings.layout().target(source);
            CmTraceFileAppender appender = appenders.computeIfAbsent(target, t -> start(context, t));
            Logger logger = context.getLogger(source.loggerName());
            attachments.add(new ImeLogs.Attachment(logger, appender, logger.getLevel(), logger.isAdditive()));
            logger.addAppender(appender);
            logger.setAdditive(false);
            logger.setLevel(Level.INFO);
        }
        return new ImeLogs(settings, appenders, attachments);
    }

    private CmTraceFileAppender start(LoggerContext context, ImeLogFile file) {
        CmTraceEncoder encoder = new CmTraceEncoder();
        encoder.setContext(context);
        encoder.setComponent(file.baseName());
        encoder.setZone(settings.clock().getZone());
        encoder.start();

        CmTraceFileAppender appender = new CmTraceFileAppender();
        appender.setContext(context);
        appender.setName("ime-" + file.baseName());
        appender.setFile(settings.pathOf(file));
        appender.setEncoder(encoder);
        appender.setRollover(new LogRollover(settings.maxSizeBytes(), settings.maxHistory(), settings.clock()));
        appender.start();
        return appender;
    }
}
