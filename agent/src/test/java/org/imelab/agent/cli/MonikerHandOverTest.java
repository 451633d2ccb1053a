package org.imelab.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The protocol handler's fast path: only its own two command lines, everything else to picocli. */
class MonikerHandOverTest {
    @TempDir
    Path home;

    private OptionalInt fast(String... args) {
        return MonikerHandOver.fastPath(args, Map.of("IMELAB_HOME", home.toString()), home.toString());
    }

    @Test
    void takesOnlyTheHandlersCommandLines() {
        assertEquals(OptionalInt.of(ExitCodes.NOT_RUNNING), fast("moniker", "intunemanagementextension://syncapp"));
        assertEquals(OptionalInt.of(ExitCodes.NOT_RUNNING), fast("--home", home.toString(), "moniker",
                "intunemanagementextension://synccompliance"));
        assertEquals(OptionalInt.of(ExitCodes.NOT_RUNNING), fast("--home=" + home, "moniker",
                "intunemanagementextension://syncapp"));
        assertEquals(OptionalInt.of(ExitCodes.REFUSED), fast("moniker", "intunemanagementextension://syncapp?x=1"));
        assertEquals(OptionalInt.of(ExitCodes.REFUSED), fast("moniker", "file:///etc/passwd"));
    }

    @Test
    void leavesEverythingElseToTheFullCommandLine() {
        assertTrue(fast("moniker", "--help").isEmpty());
        assertTrue(fast("moniker").isEmpty());
        assertTrue(fast("sync").isEmpty());
        assertTrue(fast("--registry", "memory", "moniker", "intunemanagementextension://syncapp").isEmpty());
        assertTrue(fast("run", "--lab").isEmpty());
        assertTrue(fast().isEmpty());
    }
}
