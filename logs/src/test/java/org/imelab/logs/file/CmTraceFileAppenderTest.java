package org.imelab.logs.file;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.imelab.logs.Events.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.imelab.logs.ManualClock;
import org.imelab.logs.cmtrace.CmTraceEncoder;
import org.imelab.logs.cmtrace.CmTraceReader;
import org.imelab.logs.cmtrace.CmTraceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CmTraceFileAppenderTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    @TempDir
    Path dir;

    final ManualClock clock = new ManualClock(Instant.parse("2024-08-29T09:15:00Z"), ZONE);

    private CmTraceFileAppender appender(long maxSize, int history) {
        LoggerContext context = new LoggerContext();
        CmTraceEncoder encoder = new CmTraceEncoder();
        encoder.setContext(context);
        encoder.setComponent("IntuneManagementExtension");
        encoder.setZone(ZONE);
        encoder.start();
        CmTraceFileAppender a = new CmTraceFileAppender();
        a.setContext(context);
        a.setName("test");
        a.setFile(dir.resolve("IntuneManagementExtension.log"));
        a.setEncoder(encoder);
        a.setRollover(new LogRollover(maxSize, history, clock));
        a.start();
        return a;
    }

    private void log(CmTraceFileAppender a, String message) {
        a.doAppend(event("ime.IntuneManagementExtension", Level.INFO, message, clock.instant()));
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private List<String> messages(String... files) throws IOException {
        List<String> out = new ArrayList<>();
        for (String f : files) {
            for (CmTraceRecord r : CmTraceReader.records(dir.resolve(f))) {
                out.add(r.message());
            }
        }
        return out;
    }

    /** One record is 7 + message + ~130 bytes: with 20-character messages, 5 fit in 1000 bytes. */
    private static String message(int i) {
        return String.format("message number %05d", i);
    }

    @Test
    void rollsOverAtMaxSizeKeepingMaxHistoryFilesNamedByRotationTime() throws IOException {
        CmTraceFileAppender a = appender(1000, 3);
        int lineBytes = ("<![LOG[" + message(0)).length()
                + "]LOG]!><time=\"11:15:00.0000000\" date=\"8-29-2024\" component=\"IntuneManagementExtension\" context=\"\" type=\"1\" thread=\"\" file=\"\">\r\n".length()
                + Long.toString(Thread.currentThread().threadId()).length();
        int perFile = 1000 / lineBytes;
        for (int i = 0; i < perFile * 6 + 2; i++) {
            log(a, message(i));
            clock.advance(Duration.ofMinutes(1));
        }
        a.stop();

        List<String> names = files();
        assertEquals(4, names.size(), names.toString());
        assertEquals("IntuneManagementExtension.log", names.get(3));
        // rotation i happens when line perFile*i is logged, at 11:15 local + perFile*i minutes
        for (int i = 4; i <= 6; i++) {
            var at = clock.instant().atZone(ZONE).toLocalDateTime()
                    .minusMinutes(perFile * 6 + 2 - (long) perFile * i);
            assertEquals(RotatedLogName.rotated("IntuneManagementExtension", at), names.get(i - 4));
        }
        for (String n : names) {
            assertTrue(Files.size(dir.resolve(n)) <= 1000, n);
        }
        List<String> kept = messages(names.get(0), names.get(1), names.get(2), names.get(3));
        List<String> expected = new ArrayList<>();
        for (int i = perFile * 3; i < perFile * 6 + 2; i++) {
            expected.add(message(i));
        }
        assertEquals(expected, kept);
    }

    @Test
    void rotationsWithinOneSecondTakeTheNextFreeSecond() throws IOException {
        CmTraceFileAppender a = appender(300, 10);
        for (int i = 0; i < 4; i++) {
            log(a, message(i)); // each record is near 200 bytes: every record after the first rolls
        }
        a.stop();
        assertEquals(List.of("IntuneManagementExtension-20240829-111500.log", "IntuneManagementExtension-20240829-111501.log",
                "IntuneManagementExtension-20240829-111502.log", "IntuneManagementExtension.log"), files());
        assertEquals(List.of(message(0), message(1), message(2), message(3)),
                messages(files().get(0), files().get(1), files().get(2), files().get(3)));
    }

    @Test
    void noHistoryMeansRotatedFilesAreDeleted() throws IOException {
        CmTraceFileAppender a = appender(300, 0);
        for (int i = 0; i < 3; i++) {
            log(a, message(i));
            clock.advance(Duration.ofSeconds(5));
        }
        a.stop();
        assertEquals(List.of("IntuneManagementExtension.log"), files());
        assertEquals(List.of(message(2)), messages("IntuneManagementExtension.log"));
    }

    @Test
    void foreignFilesAndOtherLogsAreNotPruned() throws IOException {
        Files.writeString(dir.resolve("AppWorkload-20200101-000000.log"), "x");
        Files.writeString(dir.resolve("IntuneManagementExtension-old.log"), "x");
        Files.writeString(dir.resolve("IntuneManagementExtension-20200101-000000.txt"), "x");
        CmTraceFileAppender a = appender(300, 0);
        for (int i = 0; i < 3; i++) {
            log(a, message(i));
        }
        a.stop();
        assertEquals(List.of("AppWorkload-20200101-000000.log", "IntuneManagementExtension-20200101-000000.txt",
                "IntuneManagementExtension-old.log", "IntuneManagementExtension.log"), files());
    }

    @Test
    void writesUtf8WithoutBomWithCrlf() throws IOException {
        CmTraceFileAppender a = appender(1_000_000, 3);
        log(a, "Größe\nzweite Zeile");
        log(a, "second");
        a.stop();
        byte[] bytes = Files.readAllBytes(dir.resolve("IntuneManagementExtension.log"));
        String text = new String(bytes, UTF_8);
        assertTrue(text.startsWith("<![LOG[Größe\r\nzweite Zeile]LOG]!><time=\"11:15:00.0000000\" date=\"8-29-2024\""), text);
        assertEquals(3, text.split("\r\n", -1).length - 1);
        assertFalse(text.replace("\r\n", "").contains("\n"));
    }

    @Test
    void appendsToAnExistingFileAndCountsItsSize() throws IOException {
        CmTraceFileAppender a = appender(1000, 3);
        log(a, message(0));
        a.stop();
        long before = Files.size(dir.resolve("IntuneManagementExtension.log"));
        CmTraceFileAppender b = appender(before + 10, 3);
        log(b, message(1)); // the existing content counts: this one must roll
        b.stop();
        assertEquals(2, files().size());
        assertEquals(List.of(message(0)), messages(files().get(0)));
        assertEquals(List.of(message(1)), messages("IntuneManagementExtension.log"));
    }

    @Test
    void reopensWhenAnotherProcessRotatesOrDeletesTheFile() throws IOException {
        CmTraceFileAppender a = appender(1_000_000, 3);
        log(a, "before");
        Path active = dir.resolve("IntuneManagementExtension.log");
        Files.move(active, dir.resolve("IntuneManagementExtension-19990101-000000.log"));
        log(a, "same second: still the open file"); // checks are at most once per second
        clock.advance(Duration.ofSeconds(1));
        log(a, "after rename");
        assertEquals(List.of("before", "same second: still the open file"), messages("IntuneManagementExtension-19990101-000000.log"));
        assertEquals(List.of("after rename"), messages("IntuneManagementExtension.log"));

        Files.delete(active);
        clock.advance(Duration.ofSeconds(1));
        log(a, "after delete");
        a.stop();
        assertEquals(List.of("after delete"), messages("IntuneManagementExtension.log"));
    }

    /**
     * The share contract (C §2.2): while we hold the file open, other processes read it, rename
     * it and delete it. Trivial on Linux; on Windows it proves the NIO share modes
     * (FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE) that SharedAppendFile relies on.
     */
    @Test
    void othersCanReadRenameAndDeleteWhileWeHoldTheFile() throws IOException {
        CmTraceFileAppender a = appender(1_000_000, 3);
        log(a, "held open");
        Path active = dir.resolve("IntuneManagementExtension.log");
        try (var reader = Files.newInputStream(active)) {
            assertTrue(new String(reader.readAllBytes(), UTF_8).contains("held open"));
        }
        Path moved = dir.resolve("IntuneManagementExtension-20000101-000000.log");
        Files.move(active, moved);
        Files.delete(moved);
        clock.advance(Duration.ofSeconds(1));
        log(a, "still logging");
        a.stop();
        assertEquals(List.of("still logging"), messages("IntuneManagementExtension.log"));
    }

    @Test
    void twoWritersOnOneFileLoseNothingAcrossRotations() throws IOException {
        // the daemon and a CLI command running agent logic may both write one log
        CmTraceFileAppender first = appender(2000, 100);
        CmTraceFileAppender second = appender(2000, 100);
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            CmTraceFileAppender w = i % 3 == 0 ? second : first;
            String m = message(i);
            log(w, m);
            written.add(m);
            if (i % 2 == 0) {
                clock.advance(Duration.ofSeconds(1));
            }
        }
        first.stop();
        second.stop();
        List<String> names = new ArrayList<>(files());
        names.remove("IntuneManagementExtension.log");
        names.add("IntuneManagementExtension.log");
        List<String> read = messages(names.toArray(String[]::new));
        assertEquals(written.stream().sorted().toList(), read.stream().sorted().toList());
        for (String n : names) {
            // past the limit by at most what the other writer appended since the last check (here 2 records)
            assertTrue(Files.size(dir.resolve(n)) <= 2000 + 2 * 200, n + " " + Files.size(dir.resolve(n)));
        }
        assertTrue(names.size() > 8, names.toString());
    }

    @Test
    void refusesToStartWithoutItsParts() {
        CmTraceFileAppender a = new CmTraceFileAppender();
        a.setContext(new LoggerContext());
        a.setName("incomplete");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, a::start);
        assertFalse(a.isStarted());
    }
}
