package org.imelab.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.imelab.logs.cmtrace.CmTraceEncoder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LogsCommandTest {

    static final ZoneId ZONE = ZoneId.of("UTC");
    static final Instant T0 = Instant.parse("2024-09-27T07:18:23.678Z");
    static final String APP = "48054978-39bd-40da-8d45-0d28004b4960";

    @TempDir
    Path home;

    Path logs;
    final LoggerContext context = new LoggerContext();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    CommandLine cmd;
    LogsCommand logsCommand;

    @BeforeEach
    void setUp() {
        logs = home.resolve("Logs");
        cmd = ImelabCommand.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        logsCommand = cmd.getSubcommands().get("logs").getCommand();
        logsCommand.clock = Clock.fixed(T0.plusSeconds(60), ZONE);
        logsCommand.noColor = true;
    }

    private void write(String file, String component, Level level, String message, Instant at) throws IOException {
        CmTraceEncoder e = new CmTraceEncoder();
        e.setComponent(component);
        e.setZone(ZONE);
        e.start();
        LoggingEvent event = new LoggingEvent("x", context.getLogger("ime." + component), level, message, null, null);
        event.setInstant(at);
        Files.createDirectories(logs);
        Files.write(logs.resolve(file), e.encode(event), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private void sampleFolder() throws IOException {
        write("IntuneManagementExtension-20240927-071820.log", "IntuneManagementExtension", Level.INFO,
                "EMS Agent Started", T0.minusSeconds(10));
        write("IntuneManagementExtension.log", "IntuneManagementExtension", Level.INFO,
                "[Win32App] Requesting app policy", T0);
        write("AppWorkload.log", "AppWorkload", Level.WARN,
                "[Win32App] Processing app (id=" + APP + ", name = Copy Json v3) with mode = DetectInstall", T0.plusMillis(1));
        write("AppWorkload.log", "AppWorkload", Level.ERROR, "[Win32App] Failed\nsecond line", T0.plusSeconds(2));
        write("AgentExecutor.log", "AgentExecutor", Level.INFO, "ExecutorLog AgentExecutor gets invoked", T0.plusSeconds(1));
    }

    private int run(String... args) {
        String[] all = Stream.concat(Stream.of("--home", home.toString(), "logs"), Stream.of(args)).toArray(String[]::new);
        return cmd.execute(all);
    }

    private List<String> lines() {
        return out.toString().lines().toList();
    }

    @Test
    void showsAllFilesMergedInTimeOrder() throws IOException {
        sampleFolder();
        assertEquals(0, run());
        String thread = Long.toString(Thread.currentThread().threadId());
        assertEquals(List.of(
                "2024-09-27 07:18:13.678 I IntuneManagementExtension [" + thread + "] EMS Agent Started",
                "2024-09-27 07:18:23.678 I IntuneManagementExtension [" + thread + "] [Win32App] Requesting app policy",
                "2024-09-27 07:18:23.679 W AppWorkload               [" + thread + "] [Win32App] Processing app (id=" + APP
                        + ", name = Copy Json v3) with mode = DetectInstall",
                "2024-09-27 07:18:24.678 I AgentExecutor             [" + thread + "] ExecutorLog AgentExecutor gets invoked",
                "2024-09-27 07:18:25.678 E AppWorkload               [" + thread + "] [Win32App] Failed",
                " ".repeat(("2024-09-27 07:18:25.678 E AppWorkload               [" + thread + "] ").length()) + "second line"),
                lines());
        assertEquals("", err.toString());
    }

    @Test
    void filters() throws IOException {
        sampleFolder();
        assertEquals(List.of("[Win32App] Processing app", "[Win32App] Failed"), messagesOf("--file", "appworkload.log"));
        assertEquals(List.of("[Win32App] Processing app", "[Win32App] Failed"), messagesOf("--component", "AppWorkload"));
        assertEquals(List.of("[Win32App] Failed"), messagesOf("--type", "error"));
        assertEquals(List.of("[Win32App] Processing app", "[Win32App] Failed"), messagesOf("--type", "2,3"));
        assertEquals(List.of("[Win32App] Requesting app policy"), messagesOf("--grep", "APP POLICY"));
        assertEquals(List.of("[Win32App] Processing app"), messagesOf("--app", APP.toUpperCase()));
        assertEquals(List.of("ExecutorLog AgentExecutor gets invoked", "[Win32App] Failed"), messagesOf("--since", "2024-09-27T07:18:24"));
        // the clock says 07:19:23.678: 59 s ago is 07:18:24.678
        assertEquals(List.of("ExecutorLog AgentExecutor gets invoked", "[Win32App] Failed"), messagesOf("--since", "59s"));
        assertEquals(List.of("[Win32App] Processing app"), messagesOf("--component", "AppWorkload", "--type", "warning"));
    }

    private List<String> messagesOf(String... args) {
        out.getBuffer().setLength(0);
        assertEquals(0, run(args));
        return lines().stream()
                .filter(l -> l.startsWith("2024"))
                .map(l -> l.substring(l.indexOf("] ") + 2))
                .map(m -> m.startsWith("[Win32App] Processing app") ? "[Win32App] Processing app" : m)
                .collect(Collectors.toList());
    }

    @Test
    void badFilterValuesAreRefusedClearly() throws IOException {
        sampleFolder();
        assertEquals(2, run("--type", "fatal"));
        assertTrue(err.toString().contains("Unknown CMTrace type 'fatal'"), err.toString());
        assertEquals(2, run("--since", "last week"));
        assertTrue(err.toString().contains("Cannot read 'last week' as a time"), err.toString());
    }

    @Test
    void followsNewRecordsAcrossARotation() throws IOException {
        write("AppWorkload.log", "AppWorkload", Level.INFO, "before", T0);
        Deque<IOExceptionAction> script = new ArrayDeque<>(List.of(
                () -> write("AppWorkload.log", "AppWorkload", Level.INFO, "appended", T0.plusSeconds(1)),
                () -> {
                    write("AppWorkload.log", "AppWorkload", Level.INFO, "last line before rotation", T0.plusSeconds(2));
                    Files.move(logs.resolve("AppWorkload.log"), logs.resolve("AppWorkload-20240927-071825.log"));
                    write("AppWorkload.log", "AppWorkload", Level.INFO, "first line after rotation", T0.plusSeconds(3));
                    write("IntuneManagementExtension.log", "IntuneManagementExtension", Level.INFO, "another file", T0.plusSeconds(4));
                },
                () -> { }));
        logsCommand.pacer = () -> {
            if (script.isEmpty()) {
                return false;
            }
            try {
                script.pop().run();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return true;
        };
        assertEquals(0, run("--follow"));
        assertEquals(List.of("before", "appended", "last line before rotation", "first line after rotation", "another file"),
                lines().stream().map(l -> l.substring(l.indexOf("] ") + 2)).toList());
    }

    interface IOExceptionAction {
        void run() throws IOException;
    }

    @Test
    void readingNeverWritesOrCreatesLogFiles() throws IOException {
        assertEquals(0, run());
        assertTrue(err.toString().contains("No log folder at " + logs), err.toString());
        assertFalse(Files.exists(logs));

        sampleFolder();
        Map<String, Long> before = sizes();
        assertEquals(0, run("--grep", "x"));
        assertEquals(before, sizes());
    }

    @Test
    void readsAnotherFolderOnRequest() throws IOException {
        sampleFolder();
        Path collected = home.resolve("collected");
        Files.createDirectories(collected);
        Files.writeString(collected.resolve("IntuneManagementExtension.log"),
                "<![LOG[from a device]LOG]!><time=\"08:45:59.2422749\" date=\"9-13-2023\" component=\"IntuneManagementExtension\" context=\"\" type=\"1\" thread=\"5\" file=\"\">\r\n");
        assertEquals(0, run("--dir", collected.toString()));
        assertEquals(List.of("2023-09-13 08:45:59.242 I IntuneManagementExtension [5] from a device"), lines());
    }

    private Map<String, Long> sizes() throws IOException {
        try (Stream<Path> s = Files.list(logs)) {
            return s.collect(Collectors.toMap(p -> p.getFileName().toString(), p -> p.toFile().length()));
        }
    }
}
