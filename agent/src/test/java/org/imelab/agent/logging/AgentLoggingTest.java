package org.imelab.agent.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.imelab.logs.cmtrace.CmTraceReader;
import org.imelab.logs.ime.ImeLogLayout;
import org.imelab.logs.ime.ImeLogSettings;
import org.imelab.logs.ime.ImeLogs;
import org.imelab.registry.ime.ImeRegistry;
import org.imelab.registry.ime.LogLimits;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class AgentLoggingTest {

    @TempDir
    Path dir;

    final Clock clock = Clock.fixed(Instant.parse("2025-02-25T14:54:47Z"), ZoneId.of("UTC"));

    private static List<Appender<ILoggingEvent>> appenders(Logger logger) {
        List<Appender<ILoggingEvent>> list = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
            list.add(it.next());
        }
        return list;
    }

    @Test
    void theProcessStartsWithTheDeveloperConsoleOnly() {
        // found through META-INF/services when SLF4J first initialises Logback in this JVM
        LoggerContext global = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = global.getLogger(Logger.ROOT_LOGGER_NAME);
        List<Appender<ILoggingEvent>> rootAppenders = appenders(root);
        assertEquals(1, rootAppenders.size());
        assertEquals(DeveloperConsole.APPENDER_NAME, rootAppenders.get(0).getName());
        assertTrue(appenders(global.getLogger("ime.IntuneManagementExtension")).isEmpty());
    }

    @Test
    void configuratorInstallsTheConsoleAtTheRequestedLevel() {
        LoggerContext context = new LoggerContext();
        new AgentLogbackConfigurator().configure(context);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertNotNull(root.getAppender(DeveloperConsole.APPENDER_NAME));
        assertEquals(Level.WARN, DeveloperConsole.requestedLevel(null, null));
        assertEquals(Level.DEBUG, DeveloperConsole.requestedLevel(null, "debug"));
        assertEquals(Level.INFO, DeveloperConsole.requestedLevel("info", "debug"));
        assertEquals(Level.WARN, DeveloperConsole.requestedLevel("loud", null));
    }

    @Test
    void imeFilesOnlyOnceStartedAndOnlyForImeLoggers() throws IOException {
        LoggerContext context = new LoggerContext();
        DeveloperConsole.install(context, Level.WARN);
        AgentLogging logging = new AgentLogging(context);
        Path logsDir = dir.resolve("Logs");

        context.getLogger("ime.IntuneManagementExtension").info("before the agent runs");
        assertFalse(Files.exists(logsDir));

        ImeLogSettings settings = AgentLogging.imeLogSettings(logsDir, ImeLogLayout.DEFAULT,
                new ImeRegistry(new MemoryRegistry()), clock);
        assertEquals(2_097_152, settings.maxSizeBytes());
        assertEquals(3, settings.maxHistory());
        try (ImeLogs files = logging.startImeLogs(settings)) {
            context.getLogger("ime.IntuneManagementExtension").info("EMS Agent Started");
            context.getLogger("org.imelab.agent.Whatever").error("developer only");
        }
        assertEquals(List.of("EMS Agent Started"),
                CmTraceReader.records(logsDir.resolve("IntuneManagementExtension.log")).stream().map(r -> r.message()).toList());
        try (Stream<Path> s = Files.list(logsDir)) {
            for (Path p : s.toList()) {
                assertFalse(Files.readString(p).contains("developer only"), p.toString());
            }
        }
    }

    @Test
    void registryValuesShapeTheFiles() {
        ImeRegistry ime = new ImeRegistry(new MemoryRegistry());
        ime.logging().write(new LogLimits(1_048_576L, 7));
        ImeLogSettings s = AgentLogging.imeLogSettings(dir, ImeLogLayout.LEGACY, ime, clock);
        assertEquals(1_048_576, s.maxSizeBytes());
        assertEquals(7, s.maxHistory());
        assertEquals(ImeLogLayout.LEGACY, s.layout());
    }

    @Test
    void imeInformationLinesStayOffTheConsole() {
        LoggerContext context = new LoggerContext();
        DeveloperConsole.install(context, Level.WARN);
        assertEquals(Level.INFO, context.getLogger("ime.AppWorkload").getEffectiveLevel());
        Appender<ILoggingEvent> console = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(DeveloperConsole.APPENDER_NAME);
        ch.qos.logback.classic.spi.LoggingEvent info = new ch.qos.logback.classic.spi.LoggingEvent(
                "x", context.getLogger("ime.AppWorkload"), Level.INFO, "m", null, null);
        ch.qos.logback.classic.spi.LoggingEvent warn = new ch.qos.logback.classic.spi.LoggingEvent(
                "x", context.getLogger("org.imelab.X"), Level.WARN, "m", null, null);
        assertEquals(ch.qos.logback.core.spi.FilterReply.DENY, console.getFilterChainDecision(info));
        assertEquals(ch.qos.logback.core.spi.FilterReply.NEUTRAL, console.getFilterChainDecision(warn));
        new AgentLogging(context).setConsoleLevel(Level.DEBUG);
        assertEquals(ch.qos.logback.core.spi.FilterReply.NEUTRAL, console.getFilterChainDecision(info));
        assertEquals(Level.DEBUG, context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel());
    }
}
