package org.imelab.agent.device.restart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The machine's boot time: parsing {@code /proc/stat}, and the live value on Linux and Windows. */
class SystemBootTimeTest {

    @Test
    void btimeIsReadFromProcStat() {
        String stat = "cpu  2255 34 2290 22625563 6290 127 456 0 0 0\nintr 114930548 113199788 3\nctxt 1990473\n"
                + "btime 1763798400\nprocesses 2915\n";
        assertEquals(Optional.of(Instant.parse("2025-11-22T08:00:00Z")), SystemBootTime.btime(stat));
    }

    @Test
    void aMissingOrBadBtimeIsNone() {
        assertEquals(Optional.empty(), SystemBootTime.btime("cpu 1 2 3\nprocesses 5\n"));
        assertEquals(Optional.empty(), SystemBootTime.btime("btime soon\n"));
        assertEquals(Optional.empty(), SystemBootTime.btime("btime 0\n"));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.WINDOWS})
    void theLiveBootTimeIsInThePastAndBeforeThisJvm() {
        Instant boot = SystemBootTime.forThisMachine(InstantSource.system()).lastBoot();
        Instant jvm = Instant.ofEpochMilli(java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
        assertFalse(boot.isAfter(jvm.plusSeconds(1)), boot + " after the JVM start " + jvm);
        assertTrue(boot.isAfter(Instant.parse("2000-01-01T00:00:00Z")), boot.toString());
    }
}
