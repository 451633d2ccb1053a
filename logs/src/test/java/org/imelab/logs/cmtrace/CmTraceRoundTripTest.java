package org.imelab.logs.cmtrace;

import static org.imelab.logs.Events.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the encoder writes, the reader returns unchanged (within the limits documented on CmTraceReader). */
class CmTraceRoundTripTest {

    static final ZoneId ZONE = ZoneId.of("America/New_York");

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "EMS Agent Started",
        "[Win32App][V3Processor] Processing subgraph with app ids: 9a7d745d-9cd2-4b05-adc2-7796f8c8cc87",
        "line one\nline two\n\nline four",
        "trailing newline\n",
        "\nleading newline",
        "a ]LOG]!> in the middle",
        "]LOG]!><time=\"1\"> looks like a tail but is not at the end",
        "ends with the marker ]LOG]!>",
        "<![LOG[ at the start of the first line is fine",
        "unicode: Größe, 日本語, emoji 🙂, RTL עברית",
        "quotes \" and <xml attr=\"v\"/> and tabs\tinside",
        "Get policies = [{\"Id\":\"6e0911dd\",\"DetectionRule\":\"[{\\\"DetectionType\\\":2}]\"}]",
    })
    void messageComesBackUnchanged(String message) {
        assertRoundTrip(List.of(message));
    }

    @Test
    void manyRecordsInOneFileKeepOrderAndFields() {
        assertRoundTrip(List.of("one", "two\nlines", "", "three ]LOG]!> x", "four"));
    }

    @Test
    void lineBreaksOtherThanLfComeBackAsLf() {
        CmTraceEncoder encoder = encoder();
        byte[] bytes = encoder.encode(event("ime.AgentExecutor", Level.INFO, "a\r\nb\rc", Instant.parse("2024-05-01T10:00:00Z")));
        assertEquals("a\nb\nc", CmTraceReader.parse(bytes, null).records().get(0).message());
    }

    private static CmTraceEncoder encoder() {
        CmTraceEncoder e = new CmTraceEncoder();
        e.setComponent("AgentExecutor");
        e.setZone(ZONE);
        e.start();
        return e;
    }

    private static void assertRoundTrip(List<String> messages) {
        CmTraceEncoder encoder = encoder();
        Level[] levels = {Level.INFO, Level.WARN, Level.ERROR, Level.DEBUG};
        Instant start = Instant.parse("2024-11-03T05:59:59.9876543Z"); // New York falls back at 06:00Z
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (int i = 0; i < messages.size(); i++) {
            file.writeBytes(encoder.encode(event("ime.AgentExecutor", levels[i % levels.length], messages.get(i),
                    start.plusMillis(1_000L * i))));
        }
        CmTraceReader.Result result = CmTraceReader.parse(file.toByteArray(), null);
        assertEquals(List.of(), result.stray());
        assertEquals(messages.size(), result.records().size());
        for (int i = 0; i < messages.size(); i++) {
            CmTraceRecord r = result.records().get(i);
            Instant at = start.plusMillis(1_000L * i);
            assertEquals(messages.get(i), r.message());
            assertEquals(LocalDateTime.ofInstant(at, ZONE), r.localDateTime());
            assertEquals("AgentExecutor", r.component());
            assertEquals("", r.context());
            assertEquals(new String[] {"1", "2", "3", "1"}[i % 4], r.type());
            assertEquals(Long.toString(Thread.currentThread().threadId()), r.thread());
            assertEquals("", r.file());
        }
    }
}
