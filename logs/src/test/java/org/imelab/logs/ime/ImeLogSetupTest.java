package org.imelab.logs.ime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.imelab.logs.ManualClock;
import org.imelab.logs.cmtrace.CmTraceReader;
import org.imelab.logs.cmtrace.CmTraceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImeLogSetupTest {

    @TempDir
    Path dir;

    final ManualClock clock = new ManualClock(Instant.parse("2025-01-21T13:05:48Z"), ZoneId.of("UTC"));
    final LoggerContext context = new LoggerContext();

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private List<CmTraceRecord> records(String file) throws IOException {
        return CmTraceReader.records(dir.resolve(file));
    }

    @Test
    void eachImeLoggerWritesItsOwnFileWithItsComponent() throws IOException {
        ListAppender<ILoggingEvent> console = new ListAppender<>();
        console.setContext(context);
        console.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(console);

        try (ImeLogs logs = new ImeLogSetup(ImeLogSettings.defaults(dir, ImeLogLayout.DEFAULT, clock)).install(context)) {
            for (ImeLogFile f : ImeLogFile.values()) {
                context.getLogger(f.loggerName()).info("[{}] hello", f.baseName());
            }
            context.getLogger("org.imelab.agent.Something").warn("developer diagnostics");
            context.getLogger("ime.Sensor").info("not an IME file we write");
            assertEquals(7, logs.appenders().size());
        }
        assertEquals(List.of("AgentExecutor.log", "AppWorkload.log", "ClientCertCheck.log", "ClientHealth.log",
                "HealthScripts.log", "IntuneManagementExtension.log", "Win32AppInventory.log"), files());
        for (ImeLogFile f : ImeLogFile.values()) {
            List<CmTraceRecord> r = records(f.fileName());
            assertEquals(1, r.size(), f.fileName());
            assertEquals("[" + f.baseName() + "] hello", r.get(0).message());
            assertEquals(f.baseName(), r.get(0).component());
        }
        // IME lines stay out of the developer console; everything else goes only there
        assertEquals(List.of("developer diagnostics", "not an IME file we write"),
                console.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
    }

    @Test
    void legacyLayoutWritesWin32LinesToTheMainLogWithItsComponent() throws IOException {
        try (ImeLogs logs = new ImeLogSetup(ImeLogSettings.defaults(dir, ImeLogLayout.LEGACY, clock)).install(context)) {
            context.getLogger("ime.IntuneManagementExtension").info("[Win32App] Requesting app policy");
            context.getLogger("ime.AppWorkload").info("[Win32App][V3Processor] Processing subgraph");
            context.getLogger("ime.AgentExecutor").info("ExecutorLog AgentExecutor gets invoked");
            assertTrue(logs.appender(ImeLogFile.APP_WORKLOAD).isEmpty());
        }
        // no AppWorkload.log in this layout, and no empty files for logs that got no line
        assertEquals(List.of("AgentExecutor.log", "IntuneManagementExtension.log"), files());
        List<CmTraceRecord> main = records("IntuneManagementExtension.log");
        assertEquals(List.of("[Win32App] Requesting app policy", "[Win32App][V3Processor] Processing subgraph"),
                main.stream().map(CmTraceRecord::message).toList());
        assertTrue(main.stream().allMatch(r -> r.component().equals("IntuneManagementExtension")));
        assertEquals("AgentExecutor", records("AgentExecutor.log").get(0).component());
    }

    @Test
    void closingDetachesAndRestoresTheLoggers() throws IOException {
        var logger = context.getLogger("ime.ClientHealth");
        ImeLogs logs = new ImeLogSetup(ImeLogSettings.defaults(dir, ImeLogLayout.DEFAULT, clock)).install(context);
        logger.info("while installed");
        logs.close();
        logger.info("after close");
        assertEquals(List.of("while installed"), records("ClientHealth.log").stream().map(CmTraceRecord::message).toList());
        assertTrue(logger.isAdditive());
        assertEquals(null, logger.getLevel());
        assertFalse(logs.appender(ImeLogFile.CLIENT_HEALTH).orElseThrow().isStarted());
    }

    @Test
    void informationByDefaultVerboseOnRequest() throws IOException {
        try (ImeLogs logs = new ImeLogSetup(ImeLogSettings.defaults(dir, ImeLogLayout.DEFAULT, clock)).install(context)) {
            var logger = context.getLogger("ime.HealthScripts");
            logger.debug("hidden");
            logs.setVerbose(true);
            logger.debug("shown");
            logs.setVerbose(false);
            logger.debug("hidden again");
        }
        assertEquals(List.of("shown"), records("HealthScripts.log").stream().map(CmTraceRecord::message).toList());
    }

    @Test
    void rolloverFollowsTheSettings() throws IOException {
        try (ImeLogs logs = new ImeLogSetup(new ImeLogSettings(dir, ImeLogLayout.DEFAULT, 400, 1, clock)).install(context)) {
            for (int i = 0; i < 5; i++) {
                context.getLogger("ime.ClientCertCheck").info("[ClientCertCheck] check number {}", i);
                clock.advance(java.time.Duration.ofMinutes(1));
            }
        }
        List<String> names = files().stream().filter(n -> n.startsWith("ClientCertCheck")).toList();
        assertEquals(List.of("ClientCertCheck-20250121-130948.log", "ClientCertCheck.log"), names);
    }

    @Test
    void registryValuesWithDefaults() {
        ImeLogSettings none = ImeLogSettings.fromRegistryValues(dir, ImeLogLayout.DEFAULT, null, null, clock);
        assertEquals(2_097_152, none.maxSizeBytes());
        assertEquals(3, none.maxHistory());
        ImeLogSettings set = ImeLogSettings.fromRegistryValues(dir, ImeLogLayout.LEGACY, 4_194_304L, 5L, clock);
        assertEquals(4_194_304, set.maxSizeBytes());
        assertEquals(5, set.maxHistory());
        ImeLogSettings junk = ImeLogSettings.fromRegistryValues(dir, ImeLogLayout.DEFAULT, 0L, -1L, clock);
        assertEquals(2_097_152, junk.maxSizeBytes());
        assertEquals(3, junk.maxHistory());
        assertEquals(0, ImeLogSettings.fromRegistryValues(dir, ImeLogLayout.DEFAULT, null, 0L, clock).maxHistory());
        assertThrows(IllegalArgumentException.class, () -> new ImeLogSettings(dir, ImeLogLayout.DEFAULT, 0, 3, clock));
        assertThrows(IllegalArgumentException.class, () -> ImeLogLayout.parse("split"));
        assertEquals(ImeLogLayout.LEGACY, ImeLogLayout.parse(" Legacy "));
    }
}
