package org.imelab.logs.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import org.imelab.logs.cmtrace.CmTraceRecord;
import org.imelab.logs.cmtrace.CmTraceType;
import org.junit.jupiter.api.Test;

class LogFilterTest {

    static final CmTraceRecord WIN32 = new CmTraceRecord(
            "[Win32App] Processing app (id=48054978-39bd-40da-8d45-0d28004b4960, name = Copy Json v3) with mode = DetectInstall",
            "15:34:02.9804236", "11-11-2021", "IntuneManagementExtension", "", "2", "5", "", null, 1);
    static final LocalDateTime AT = LocalDateTime.of(2021, 11, 11, 15, 34, 2);

    @Test
    void everyRestrictionMustHold() {
        assertTrue(LogFilter.none().test(WIN32, AT));
        assertTrue(new LogFilter(null, Set.of("intunemanagementextension"), null, null, null, null).test(WIN32, AT));
        assertFalse(new LogFilter(null, Set.of("AppWorkload"), null, null, null, null).test(WIN32, AT));
        assertTrue(new LogFilter(null, null, Set.of(CmTraceType.WARNING, CmTraceType.ERROR), null, null, null).test(WIN32, AT));
        assertFalse(new LogFilter(null, null, Set.of(CmTraceType.ERROR), null, null, null).test(WIN32, AT));
        assertTrue(new LogFilter(null, null, null, "copy JSON", null, null).test(WIN32, AT));
        assertFalse(new LogFilter(null, null, null, "uninstall", null, null).test(WIN32, AT));
        assertTrue(new LogFilter(null, null, null, null, "48054978-39BD-40DA-8D45-0D28004B4960", null).test(WIN32, AT));
        assertFalse(new LogFilter(null, null, null, null, "6b563018-53fa-4857-9156-cfb0ba1e87da", null).test(WIN32, AT));
        assertTrue(new LogFilter(null, null, null, null, null, AT).test(WIN32, AT));
        assertFalse(new LogFilter(null, null, null, null, null, AT.plusNanos(1)).test(WIN32, AT));
        assertFalse(new LogFilter(null, null, null, null, null, AT).test(WIN32, null));
        assertFalse(new LogFilter(null, Set.of("IntuneManagementExtension"), null, "copy json", null, null)
                .test(new CmTraceRecord("other", "", "", "IntuneManagementExtension", "", "1", "", "", null, 1), AT));
    }

    @Test
    void fileFilterIgnoresCaseAndTheExtension() {
        var f = new LogFilter(Set.of("AppWorkload.log", "agentexecutor"), null, null, null, null, null).fileFilter();
        assertTrue(f.test("appworkload"));
        assertTrue(f.test("AgentExecutor"));
        assertFalse(f.test("IntuneManagementExtension"));
        assertTrue(LogFilter.none().fileFilter().test("anything"));
    }

    @Test
    void sinceAcceptsTimesDatesAndAges() {
        Clock clock = Clock.fixed(Instant.parse("2024-09-27T07:18:00Z"), ZoneId.of("Europe/Berlin"));
        assertEquals(LocalDateTime.of(2024, 9, 27, 9, 8), LogFilter.parseSince("10m", clock));
        assertEquals(LocalDateTime.of(2024, 9, 27, 7, 18), LogFilter.parseSince("2h", clock));
        assertEquals(LocalDateTime.of(2024, 9, 26, 9, 18), LogFilter.parseSince("1d", clock));
        assertEquals(LocalDateTime.of(2024, 9, 27, 9, 17, 30), LogFilter.parseSince("30s", clock));
        assertEquals(LocalDateTime.of(2024, 9, 27, 0, 0), LogFilter.parseSince("2024-09-27", clock));
        assertEquals(LocalDateTime.of(2024, 9, 27, 7, 18, 23), LogFilter.parseSince("2024-09-27T07:18:23", clock));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LogFilter.parseSince("yesterday", clock));
        assertTrue(e.getMessage().contains("30m"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LogFilter.parseSince("5w", clock));
        assertThrows(IllegalArgumentException.class, () -> LogFilter.parseSince("2024-13-01", clock));
    }
}
