package org.imelab.logs.cmtrace;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.imelab.logs.Artefacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CmTraceReaderTest {

    /** Record counts stated by real-artefacts/README.md, per file. */
    static final Map<String, Integer> DOCUMENTED = Map.of(
            "mikaelfun-ime-interpreter-embedded-lines.log", 101,
            "petripaavola-embedded-lines.log", 2,
            "autopilotmonitor-agentexecutor-two-writer-eras-v1.cmtrace", 22,
            "blog-appworkload-ps-installer-2026.txt", 0,
            "mikaelfun-logging-keyword-table.json", 0);

    @Test
    void parsesEveryRecordOfEveryRealArtefact() throws IOException {
        Map<String, Integer> parsed = new TreeMap<>();
        try (Stream<Path> files = Files.list(Artefacts.imeLogs())) {
            for (Path file : files.sorted().toList()) {
                CmTraceReader.Result result = CmTraceReader.read(file);
                // the independent count: physical lines that begin a record (after a BOM), found by plain string tests
                List<String> recordLines = new ArrayList<>();
                int otherLines = 0;
                for (String line : new String(Files.readAllBytes(file), UTF_8).split("\r?\n", -1)) {
                    String l = line.startsWith("\uFEFF") ? line.substring(1) : line;
                    if (l.startsWith("<![LOG[")) {
                        recordLines.add(l);
                    } else {
                        otherLines++;
                    }
                }
                String name = file.getFileName().toString();
                assertEquals(recordLines.size(), result.records().size(), name);
                parsed.put(name, result.records().size());
                // every real record is single-line: compare field by field with Petri's regex
                for (int i = 0; i < recordLines.size(); i++) {
                    String raw = recordLines.get(i);
                    CmTraceRecord r = result.records().get(i);
                    Matcher m = CmTraceEncoderTest.PETRI.matcher(raw);
                    assertTrue(m.find(), raw);
                    assertEquals(raw.substring(7, raw.lastIndexOf("]LOG]!>")), r.message());
                    assertEquals(m.group(1) + ":" + m.group(2) + ":" + m.group(3) + "." + m.group(4), r.time());
                    assertEquals(m.group(5) + "-" + m.group(6) + "-" + m.group(7), r.date());
                    assertEquals(m.group(8), r.component());
                    assertEquals(m.group(9), r.context());
                    assertEquals(m.group(10), r.type());
                    assertEquals(m.group(11), r.thread());
                    assertEquals(m.group(12), r.file());
                    assertEquals(file, r.source());
                    assertTrue(r.localDateTime() != null, raw);
                    assertTrue(r.severity() != CmTraceType.OTHER, raw);
                    assertTrue(r.biasMinutes().isEmpty());
                }
                // nothing else is lost silently: the other lines are stray (comments, blanks, JSON, prose)
                int strayNonEmpty = (int) result.stray().stream().filter(s -> !s.text().isEmpty()).count();
                int otherNonEmpty = (int) java.util.Arrays.stream(new String(Files.readAllBytes(file), UTF_8).split("\r?\n"))
                        .filter(l -> !l.isEmpty() && !l.replace("\uFEFF", "").startsWith("<![LOG[")).count();
                assertEquals(otherNonEmpty, strayNonEmpty, name);
                assertTrue(otherLines >= strayNonEmpty);
            }
        }
        assertEquals(new TreeMap<>(DOCUMENTED), parsed);
    }

    @Test
    void realLineFieldsAndTime() throws IOException {
        List<CmTraceRecord> records = CmTraceReader.records(Artefacts.imeLogs().resolve("petripaavola-embedded-lines.log"));
        CmTraceRecord r = records.get(0);
        assertEquals("[Win32App][V3Processor] Processing subgraph with app ids: 9a7d745d-9cd2-4b05-adc2-7796f8c8cc87", r.message());
        assertEquals(LocalDateTime.of(2023, 9, 13, 8, 45, 59, 242_274_900), r.localDateTime());
        assertEquals("IntuneManagementExtension", r.component());
        assertEquals(CmTraceType.INFORMATION, r.severity());
        assertEquals(OptionalLong.of(5), r.threadId());
        assertEquals(1, r.lineNumber());
        assertEquals(2, records.get(1).lineNumber());
    }

    @Test
    void bomAndTwoWriterErasInOneFile() throws IOException {
        CmTraceReader.Result result = CmTraceReader.read(
                Artefacts.imeLogs().resolve("autopilotmonitor-agentexecutor-two-writer-eras-v1.cmtrace"));
        CmTraceRecord first = result.records().get(0);
        assertEquals("ExecutorLog AgentExecutor gets invoked", first.message());
        assertEquals(16, first.lineNumber());
        assertEquals(LocalDateTime.of(2026, 8, 20, 14, 13, 36, 842_033_900), first.localDateTime());
        assertTrue(result.records().stream().anyMatch(r -> r.localDateTime().getHour() == 5));
        assertTrue(result.records().stream().allMatch(r -> r.component().equals("AgentExecutor")));
    }

    @Test
    void multiLineRecords() {
        String text = "<![LOG[first line\r\n  second line\r\n\r\nlast line]LOG]!><time=\"10:00:00.0000001\" date=\"1-2-2024\" "
                + "component=\"AgentExecutor\" context=\"\" type=\"3\" thread=\"7\" file=\"\">\r\n"
                + "<![LOG[single]LOG]!><time=\"10:00:01.0000000\" date=\"1-2-2024\" component=\"AgentExecutor\" "
                + "context=\"\" type=\"1\" thread=\"7\" file=\"\">\r\n";
        CmTraceReader.Result result = CmTraceReader.parse(text, null);
        assertEquals(2, result.records().size());
        assertEquals("first line\n  second line\n\nlast line", result.records().get(0).message());
        assertEquals(1, result.records().get(0).lineNumber());
        assertEquals(CmTraceType.ERROR, result.records().get(0).severity());
        assertEquals(5, result.records().get(1).lineNumber());
        assertEquals(List.of(), result.stray());
    }

    @Test
    void configMgrTimeWithBias() {
        String text = "<![LOG[content location request failed]LOG]!><time=\"10:32:25.456-120\" date=\"07-15-2013\" "
                + "component=\"TSPxe\" context=\"\" type=\"3\" thread=\"1040\" file=\"libsmsmessaging.cpp:9281\">\n"
                + "<![LOG[Service started]LOG]!><time=\"14:05:13.722+240\" date=\"7-15-2013\" component=\"CcmExec\" "
                + "context=\"\" type=\"1\" thread=\"4568 (0x11D8)\" file=\"\">";
        List<CmTraceRecord> r = CmTraceReader.parse(text, null).records();
        assertEquals(2, r.size());
        assertEquals(LocalDateTime.of(2013, 7, 15, 10, 32, 25, 456_000_000), r.get(0).localDateTime());
        assertEquals(OptionalLong.of(-120), r.get(0).biasMinutes());
        assertEquals(Instant.parse("2013-07-15T08:32:25.456Z"), r.get(0).instant(ZoneOffset.ofHours(5)));
        assertEquals("libsmsmessaging.cpp:9281", r.get(0).file());
        assertEquals(OptionalLong.of(240), r.get(1).biasMinutes());
        assertEquals(Instant.parse("2013-07-15T18:05:13.722Z"), r.get(1).instant(ZoneOffset.UTC));
        assertEquals(OptionalLong.of(4568), r.get(1).threadId());
        // IME lines carry no bias: the zone is the reader's assumption
        CmTraceRecord ime = CmTraceReader.parse("<![LOG[x]LOG]!><time=\"08:00:00.0000000\" date=\"1-1-2024\" "
                + "component=\"c\" context=\"\" type=\"1\" thread=\"1\" file=\"\">", null).records().get(0);
        assertEquals(Instant.parse("2024-01-01T07:00:00Z"), ime.instant(ZoneOffset.ofHours(1)));
    }

    @Test
    void toleratesOddities() {
        String text = "\uFEFF# a comment\r\n"
                + "\r\n"
                + "<![LOG[order and extras]LOG]!><date=\"2-14-2023\" time=\"21:38:06.38\" severity=\"x\" type=\"1\" component=\"A\">\r\n"
                + "<![LOG[bad time]LOG]!><time=\"25:61:00.1\" date=\"2-30-2023\" component=\"A\" context=\"\" type=\"\" thread=\"\" file=\"\">\r\n"
                + "<![LOG[cut off by a crash\r\n"
                + "<![LOG[a ]LOG]!> inside]LOG]!><time=\"1:2:3.4\" date=\"2-14-2023\" component=\"A\" context=\"\" type=\"2\" thread=\"3\" file=\"\">   \r\n"
                + "<![LOG[never ended\r\n"
                + "more";
        CmTraceReader.Result result = CmTraceReader.parse(text, null);
        List<CmTraceRecord> r = result.records();
        assertEquals(3, r.size());
        assertEquals("order and extras", r.get(0).message());
        assertEquals(LocalDateTime.of(2023, 2, 14, 21, 38, 6, 380_000_000), r.get(0).localDateTime());
        assertEquals("", r.get(0).thread());
        assertEquals("bad time", r.get(1).message());
        assertNull(r.get(1).localDateTime());
        assertEquals(CmTraceType.OTHER, r.get(1).severity());
        assertEquals("a ]LOG]!> inside", r.get(2).message());
        assertEquals(LocalDateTime.of(2023, 2, 14, 1, 2, 3, 400_000_000), r.get(2).localDateTime());
        assertEquals(List.of(1, 2, 5, 7, 8), result.stray().stream().map(CmTraceReader.StrayLine::lineNumber).toList());
        assertEquals("<![LOG[cut off by a crash", result.stray().get(2).text());
        assertEquals("more", result.stray().get(4).text());
    }

    @Test
    void utf16FileWithBom(@TempDir Path dir) throws IOException {
        String text = "<![LOG[Größe]LOG]!><time=\"08:00:00.000+000\" date=\"01-02-2024\" component=\"c\" context=\"\" type=\"1\" thread=\"1\" file=\"\">\r\n";
        Path file = dir.resolve("u16.log");
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] data = new byte[body.length + 2];
        data[0] = (byte) 0xff;
        data[1] = (byte) 0xfe;
        System.arraycopy(body, 0, data, 2, body.length);
        Files.write(file, data);
        List<CmTraceRecord> r = CmTraceReader.records(file);
        assertEquals(1, r.size());
        assertEquals("Größe", r.get(0).message());
        assertEquals(OptionalLong.of(0), r.get(0).biasMinutes());
    }

    @Test
    void malformedUtf8DoesNotFailTheFile() {
        byte[] bad = "<![LOG[a\u0000]LOG]!><time=\"08:00:00.0000000\" date=\"1-2-2024\" component=\"c\" context=\"\" type=\"1\" thread=\"1\" file=\"\">\n"
                .getBytes(UTF_8);
        bad[8] = (byte) 0xC3; // a lone lead byte instead of NUL
        List<CmTraceRecord> r = CmTraceReader.parse(bad, null).records();
        assertEquals(1, r.size());
        assertEquals("a\uFFFD", r.get(0).message());
    }
}
