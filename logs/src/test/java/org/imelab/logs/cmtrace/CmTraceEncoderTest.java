package org.imelab.logs.cmtrace;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.imelab.logs.Events.event;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CmTraceEncoderTest {

    static final Path ARTEFACTS = org.imelab.logs.Artefacts.imeLogs();

    /** Petri Paavola's regex, as Get-IntuneManagementExtensionDiagnostics matches IME lines (C §2.2). */
    static final Pattern PETRI = Pattern.compile("time=\"([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}).([0-9]{1,})\".*"
            + "date=\"([0-9]{1,2})-([0-9]{1,2})-([0-9]{4})\" component=\"(.*?)\" context=\"(.*?)\" type=\"(.*?)\" "
            + "thread=\"(.*?)\" file=\"(.*?)\">$");

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private static CmTraceEncoder encoder(String component, ZoneId zone) {
        CmTraceEncoder e = new CmTraceEncoder();
        e.setComponent(component);
        e.setZone(zone);
        e.start();
        return e;
    }

    private static String encode(CmTraceEncoder e, LoggingEvent ev) {
        return new String(e.encode(ev), UTF_8);
    }

    /** A real line: its message, local time and component, parsed with Petri's regex (independent of our reader). */
    private record RealLine(String line, String message, LocalDateTime local, String component, String type) {
        static RealLine of(String line) {
            Matcher m = PETRI.matcher(line);
            assertTrue(m.find(), line);
            String message = line.substring("<![LOG[".length(), line.lastIndexOf("]LOG]!>"));
            int nanos = Integer.parseInt(m.group(4)) * 100;
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(7)), Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), nanos);
            return new RealLine(line, message, local, m.group(8), m.group(10));
        }
    }

    @Test
    void reproducesRealLinesByteForByteButTheThreadId() throws IOException {
        List<String> lines = Files.readAllLines(ARTEFACTS.resolve("mikaelfun-ime-interpreter-embedded-lines.log"), UTF_8);
        lines.addAll(Files.readAllLines(ARTEFACTS.resolve("petripaavola-embedded-lines.log"), UTF_8));
        long me = Thread.currentThread().threadId();
        int checked = 0;
        for (String raw : lines) {
            RealLine real = RealLine.of(raw);
            Level level = switch (real.type()) {
                case "3" -> Level.ERROR;
                case "2" -> Level.WARN;
                default -> Level.INFO;
            };
            String ours = encode(encoder(real.component(), ZoneOffset.UTC),
                    event("ime." + real.component(), level, real.message(), real.local().toInstant(ZoneOffset.UTC)));
            String expected = raw.replaceFirst("thread=\"\\d+\"", "thread=\"" + me + "\"") + "\r\n";
            assertEquals(expected, ours);
            checked++;
        }
        assertEquals(103, checked);
    }

    @Test
    void attributeShapeIsExact() {
        LocalDateTime t = LocalDateTime.of(2024, 1, 5, 9, 3, 7, 123_456_700);
        String line = encode(encoder("AppWorkload", ZoneOffset.UTC),
                event("ime.AppWorkload", Level.INFO, "hello", t.toInstant(ZoneOffset.UTC)));
        assertEquals("<![LOG[hello]LOG]!><time=\"09:03:07.1234567\" date=\"1-5-2024\" component=\"AppWorkload\" "
                + "context=\"\" type=\"1\" thread=\"" + Thread.currentThread().threadId() + "\" file=\"\">\r\n", line);
    }

    @Test
    void fractionHasSevenDigitsAlwaysAndTruncatesToTicks() {
        CmTraceEncoder e = encoder("X", ZoneOffset.UTC);
        LocalDateTime base = LocalDateTime.of(2023, 10, 16, 23, 59, 59);
        assertTrue(encode(e, event("a", Level.INFO, "m", base.toInstant(ZoneOffset.UTC))).contains("time=\"23:59:59.0000000\" date=\"10-16-2023\""));
        assertTrue(encode(e, event("a", Level.INFO, "m", base.withNano(500).toInstant(ZoneOffset.UTC))).contains("time=\"23:59:59.0000005\""));
        assertTrue(encode(e, event("a", Level.INFO, "m", base.withNano(999_999_999).toInstant(ZoneOffset.UTC))).contains("time=\"23:59:59.9999999\""));
        assertTrue(encode(e, event("a", Level.INFO, "m", base.withNano(99).toInstant(ZoneOffset.UTC))).contains("time=\"23:59:59.0000000\""));
    }

    @Test
    void localTimeOfTheConfiguredZoneAcrossDaylightSaving() {
        // Berlin springs forward at 2024-03-31 01:00Z: 00:59:59Z is 01:59:59 CET, 01:00:00Z is 03:00:00 CEST
        LocalDateTime utc = LocalDateTime.of(2024, 3, 31, 1, 0, 0);
        CmTraceEncoder berlin = encoder("X", ZONE);
        assertTrue(encode(berlin, event("a", Level.INFO, "m", utc.minusSeconds(1).toInstant(ZoneOffset.UTC))).contains("time=\"01:59:59.0000000\" date=\"3-31-2024\""));
        assertTrue(encode(berlin, event("a", Level.INFO, "m", utc.toInstant(ZoneOffset.UTC))).contains("time=\"03:00:00.0000000\" date=\"3-31-2024\""));
        CmTraceEncoder pacific = encoder("X", ZoneId.of("America/Los_Angeles"));
        assertTrue(encode(pacific, event("a", Level.INFO, "m", utc.toInstant(ZoneOffset.UTC))).contains("time=\"18:00:00.0000000\" date=\"3-30-2024\""));
    }

    @Test
    void typeFromLevel() {
        CmTraceEncoder e = encoder("X", ZONE);
        var at = java.time.Instant.parse("2024-01-01T00:00:00Z");
        assertTrue(encode(e, event("a", Level.TRACE, "m", at)).contains(" type=\"1\" "));
        assertTrue(encode(e, event("a", Level.DEBUG, "m", at)).contains(" type=\"1\" "));
        assertTrue(encode(e, event("a", Level.INFO, "m", at)).contains(" type=\"1\" "));
        assertTrue(encode(e, event("a", Level.WARN, "m", at)).contains(" type=\"2\" "));
        assertTrue(encode(e, event("a", Level.ERROR, "m", at)).contains(" type=\"3\" "));
    }

    @Test
    void threadIsTheNumericIdOfTheLoggingThread() throws Exception {
        CmTraceEncoder e = encoder("X", ZONE);
        var at = java.time.Instant.parse("2024-01-01T00:00:00Z");
        AtomicReference<String> line = new AtomicReference<>();
        Thread worker = new Thread(() -> line.set(encode(e, event("a", Level.INFO, "m", at))), "poller");
        worker.start();
        worker.join();
        assertTrue(line.get().endsWith(" thread=\"" + worker.threadId() + "\" file=\"\">\r\n"), line.get());

        // handed to another thread (as an async appender would): the id is unknown, not wrong
        LoggingEvent handedOver = event("a", Level.INFO, "m", at);
        handedOver.getThreadName(); // fixed on this thread
        Thread other = new Thread(() -> line.set(encode(e, handedOver)), "async-writer");
        other.start();
        other.join();
        assertTrue(line.get().endsWith(" thread=\"0\" file=\"\">\r\n"), line.get());
    }

    @Test
    void multiLineMessagesUseCrlfAndKeepTheRecordShape() {
        String line = encode(encoder("X", ZoneOffset.UTC),
                event("a", Level.INFO, "first\nsecond\r\nthird\rfourth", java.time.Instant.parse("2024-01-01T00:00:00Z")));
        String[] physical = line.split("\r\n", -1);
        assertEquals(5, physical.length);
        assertEquals("<![LOG[first", physical[0]);
        assertEquals("second", physical[1]);
        assertEquals("third", physical[2]);
        assertTrue(physical[3].startsWith("fourth]LOG]!><time=\"00:00:00.0000000\" date=\"1-1-2024\""), physical[3]);
        assertEquals("", physical[4]);
        assertTrue(line.indexOf('\n') == line.indexOf("\r\n") + 1);
        assertEquals(4, line.chars().filter(c -> c == '\r').count());
    }

    @Test
    void exceptionIsAppendedToTheMessage() {
        Exception boom = new IllegalStateException("boom");
        String line = encode(encoder("X", ZoneOffset.UTC),
                event("a", Level.ERROR, "Failed to do it", java.time.Instant.parse("2024-01-01T00:00:00Z"), boom));
        String[] physical = line.split("\r\n");
        assertEquals("<![LOG[Failed to do it", physical[0]);
        assertEquals("java.lang.IllegalStateException: boom", physical[1]);
        assertTrue(physical[2].startsWith("\tat org.imelab.logs.cmtrace.CmTraceEncoderTest"), physical[2]);
        assertTrue(physical[physical.length - 1].contains("]LOG]!><time=") && physical[physical.length - 1].contains("type=\"3\""));
        assertTrue(line.indexOf("\n") > 0 && !line.replace("\r\n", "").contains("\n"), "only CRLF line breaks");
    }

    @Test
    void utf8WithoutBom() {
        CmTraceEncoder e = encoder("X", ZoneOffset.UTC);
        assertNull(e.headerBytes());
        assertNull(e.footerBytes());
        byte[] bytes = e.encode(event("a", Level.INFO, "Größe 日本 🙂", java.time.Instant.parse("2024-01-01T00:00:00Z")));
        assertEquals('<', bytes[0]);
        byte[] expected = "<![LOG[Größe 日本 🙂]LOG]!>".getBytes(UTF_8);
        byte[] start = java.util.Arrays.copyOf(bytes, expected.length);
        assertArrayEquals(expected, start);
    }

    @Test
    void componentFromTheLoggerNameWhenNotSet() {
        CmTraceEncoder e = encoder(null, ZoneOffset.UTC);
        var at = java.time.Instant.parse("2024-01-01T00:00:00Z");
        assertTrue(encode(e, event("ime.ClientCertCheck", Level.INFO, "m", at)).contains(" component=\"ClientCertCheck\" "));
        // same second, other component: the per-second cache must not leak the previous component
        assertTrue(encode(e, event("ime.HealthScripts", Level.INFO, "m", at)).contains(" component=\"HealthScripts\" "));
        assertTrue(encode(e, event("org.imelab.Foo", Level.INFO, "m", at)).contains(" component=\"org.imelab.Foo\" "));
    }

    @Test
    void toolsReadOurLines() {
        // Petri's regex, and the IME interpreter's slices (time = [time="+6, date="+6-12), date up to component="-2)
        CmTraceEncoder e = encoder("IntuneManagementExtension", ZONE);
        for (LocalDateTime t : List.of(LocalDateTime.of(2023, 9, 13, 8, 45, 59, 242_274_900),
                LocalDateTime.of(2025, 12, 31, 23, 5, 0, 0))) {
            String line = encode(e, event("ime.IntuneManagementExtension", Level.INFO, "[Win32App] x", t.atZone(ZONE).toInstant()));
            line = line.substring(0, line.length() - 2);
            Matcher m = PETRI.matcher(line);
            assertTrue(m.find());
            assertEquals(t.getHour(), Integer.parseInt(m.group(1)));
            assertEquals(t.getNano() / 100, Integer.parseInt(m.group(4)));
            assertEquals(t.getMonthValue() + "-" + t.getDayOfMonth() + "-" + t.getYear(),
                    m.group(5) + "-" + m.group(6) + "-" + m.group(7));
            assertEquals("IntuneManagementExtension", m.group(8));
            assertEquals("", m.group(9));
            assertEquals("1", m.group(10));
            assertEquals("", m.group(12));

            int timeIndex = line.indexOf("time=") + 6;
            int dateIndex = line.indexOf("date=") + 6;
            int componentIndex = line.indexOf("component=");
            assertEquals(String.format("%02d:%02d:%02d.%03d", t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1_000_000),
                    line.substring(timeIndex, dateIndex - 12));
            assertEquals(t.getMonthValue() + "-" + t.getDayOfMonth() + "-" + t.getYear(),
                    line.substring(dateIndex, componentIndex - 2));
        }
    }
}
