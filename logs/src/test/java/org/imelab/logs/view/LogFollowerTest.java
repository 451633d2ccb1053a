package org.imelab.logs.view;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.imelab.logs.Events.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.imelab.logs.ManualClock;
import org.imelab.logs.cmtrace.CmTraceEncoder;
import org.imelab.logs.file.CmTraceFileAppender;
import org.imelab.logs.file.LogRollover;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFollowerTest {

    static final ZoneId ZONE = ZoneId.of("UTC");

    @TempDir
    Path dir;

    final ManualClock clock = new ManualClock(Instant.parse("2024-09-27T07:18:00Z"), ZONE);

    private static byte[] line(String component, String message, Instant at) {
        CmTraceEncoder e = new CmTraceEncoder();
        e.setComponent(component);
        e.setZone(ZONE);
        e.start();
        return e.encode(event("ime." + component, Level.INFO, message, at));
    }

    private void append(String file, String component, String message, Instant at) throws IOException {
        Files.write(dir.resolve(file), line(component, message, at), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private LogFollower follower() {
        return new LogFollower(new LogFolder(dir), LogFilter.none().fileFilter(), ZONE);
    }

    private static List<String> messages(List<LogEntry> entries) {
        return entries.stream().map(e -> e.record().message()).toList();
    }

    @Test
    void mergesAllFilesIncludingRotatedOnesInTimeOrder() throws IOException {
        Instant t = clock.instant();
        append("IntuneManagementExtension-20240927-071700.log", "IntuneManagementExtension", "ime 1", t);
        append("IntuneManagementExtension.log", "IntuneManagementExtension", "ime 3", t.plusSeconds(3));
        append("AppWorkload.log", "AppWorkload", "app 2", t.plusSeconds(2));
        append("AppWorkload.log", "AppWorkload", "app 4", t.plusSeconds(4));
        append("IntuneManagementExtension.log", "IntuneManagementExtension", "ime 4 same time as app 4", t.plusSeconds(4));
        append("AppWorkload-20240927-071800.log", "AppWorkload", "app 1 rotated, same time as ime 1", t);
        Files.writeString(dir.resolve("notes.txt"), "not a log");

        List<LogEntry> all = follower().readAll();
        assertEquals(List.of("app 1 rotated, same time as ime 1", "ime 1", "app 2", "ime 3", "app 4", "ime 4 same time as app 4"),
                messages(all));
        assertEquals(dir.resolve("AppWorkload-20240927-071800.log"), all.get(0).record().source());
        assertEquals(LocalDateTime.of(2024, 9, 27, 7, 18, 2), all.get(2).localTime());
    }

    @Test
    void followsNewLinesAndWaitsForUnfinishedOnes() throws IOException {
        Instant t = clock.instant();
        append("HealthScripts.log", "HealthScripts", "existing", t);
        LogFollower f = follower();
        assertEquals(List.of("existing"), messages(f.poll()));
        assertEquals(List.of(), f.poll());

        byte[] next = line("HealthScripts", "first line\nsecond line", t.plusSeconds(1));
        int cut = new String(next, UTF_8).indexOf("second") + 3;
        Files.write(dir.resolve("HealthScripts.log"), java.util.Arrays.copyOf(next, cut), StandardOpenOption.APPEND);
        assertEquals(List.of(), f.poll()); // a multi-line record half written
        Files.write(dir.resolve("HealthScripts.log"), java.util.Arrays.copyOfRange(next, cut, next.length - 2), StandardOpenOption.APPEND);
        assertEquals(List.of(), f.poll()); // the last line without its CRLF yet
        Files.write(dir.resolve("HealthScripts.log"), java.util.Arrays.copyOfRange(next, next.length - 2, next.length), StandardOpenOption.APPEND);
        List<LogEntry> got = f.poll();
        assertEquals(List.of("first line\nsecond line"), messages(got));
        assertEquals(2, got.get(0).record().lineNumber());

        append("ClientHealth.log", "ClientHealth", "a new file", t.plusSeconds(2));
        assertEquals(List.of("a new file"), messages(f.poll()));
    }

    @Test
    void followsAcrossRotationsWithoutLossOrRepeat() throws IOException {
        LoggerContext context = new LoggerContext();
        CmTraceEncoder encoder = new CmTraceEncoder();
        encoder.setContext(context);
        encoder.setComponent("AppWorkload");
        encoder.setZone(ZONE);
        encoder.start();
        CmTraceFileAppender writer = new CmTraceFileAppender();
        writer.setContext(context);
        writer.setName("w");
        writer.setFile(dir.resolve("AppWorkload.log"));
        writer.setEncoder(encoder);
        writer.setRollover(new LogRollover(700, 50, clock));
        writer.start();

        LogFollower f = follower();
        List<String> written = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String m = "[Win32App] step " + i;
            writer.doAppend(event("ime.AppWorkload", Level.INFO, m, clock.instant()));
            written.add(m);
            clock.advance(Duration.ofSeconds(1));
            if (i % 7 == 6) {
                seen.addAll(messages(f.poll())); // several rotations happen between some polls
            }
        }
        writer.stop();
        seen.addAll(messages(f.poll()));
        seen.addAll(messages(f.finish()));
        assertEquals(written, seen);
        assertEquals(0, f.strayLines());
    }

    @Test
    void aReplacedFileIsReadFromItsStart() throws IOException {
        Instant t = clock.instant();
        append("ClientCertCheck.log", "ClientCertCheck", "old content that is long enough", t);
        LogFollower f = follower();
        assertEquals(1, f.poll().size());
        Files.delete(dir.resolve("ClientCertCheck.log"));
        assertEquals(List.of(), f.poll());
        append("ClientCertCheck.log", "ClientCertCheck", "new", t.plusSeconds(1));
        assertEquals(List.of("new"), messages(f.poll()));
    }

    @Test
    void filtersFilesByBaseName() throws IOException {
        Instant t = clock.instant();
        append("AppWorkload.log", "AppWorkload", "app", t);
        append("AppWorkload-20240101-000000.log", "AppWorkload", "app rotated", t.minusSeconds(60));
        append("IntuneManagementExtension.log", "IntuneManagementExtension", "ime", t);
        LogFilter filter = new LogFilter(java.util.Set.of("appworkload.LOG"), null, null, null, null, null);
        LogFollower f = new LogFollower(new LogFolder(dir), filter.fileFilter(), ZONE);
        assertEquals(List.of("app rotated", "app"), messages(f.readAll()));
    }

    @Test
    void configMgrLinesAreShownInTheViewersTime() throws IOException {
        Files.writeString(dir.resolve("ccmexec.log"),
                "<![LOG[biased]LOG]!><time=\"10:00:00.000-120\" date=\"09-27-2024\" component=\"CcmExec\" context=\"\" type=\"1\" thread=\"1\" file=\"\">\r\n");
        append("IntuneManagementExtension.log", "IntuneManagementExtension", "ime", Instant.parse("2024-09-27T07:59:00Z"));
        List<LogEntry> all = follower().readAll();
        assertEquals(List.of("ime", "biased"), messages(all));
        assertEquals(LocalDateTime.of(2024, 9, 27, 8, 0), all.get(1).localTime());
    }

    @Test
    void aMissingFolderIsEmpty() throws IOException {
        assertEquals(List.of(), new LogFollower(new LogFolder(dir.resolve("nope")), b -> true, ZONE).readAll());
    }
}
