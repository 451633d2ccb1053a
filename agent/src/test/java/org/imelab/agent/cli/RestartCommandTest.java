package org.imelab.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.imelab.agent.testing.ImelabCli;
import org.imelab.registry.Registry;
import org.imelab.registry.file.FileRegistry;
import org.imelab.registry.ime.ImeLayout;
import org.imelab.registry.ime.LabRestartKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code imelab restart} over the data home's file registry, with no agent running. Only the refusal of a
 * real restart is tested: a test never allows one, so the machine running the tests never restarts.
 */
class RestartCommandTest {
    @TempDir
    Path home;
    final ImelabCli cli = new ImelabCli(() -> home);

    Optional<Instant> simulated() {
        try (Registry r = new FileRegistry(home.resolve("registry"))) {
            return new LabRestartKey(r, ImeLayout.standard()).simulatedRestartTime();
        }
    }

    @Test
    void simulateRecordsTheRestartAndTellsAStoppedAgentIsFine() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        assertEquals(ExitCodes.OK, cli.run("restart", "--simulate"), cli.err());
        Instant recorded = simulated().orElseThrow();
        assertFalse(recorded.isBefore(before), recorded + " before " + before);
        assertFalse(recorded.isAfter(Instant.now()));
        assertTrue(cli.out().contains("Simulated device restart recorded at ")
                && cli.out().contains("HKLM\\SOFTWARE\\imelab\\Device\\SimulatedRestartTime"), cli.out());
        assertTrue(cli.out().contains("The agent is not running; its next start checks in as after the restart."),
                cli.out());
    }

    @Test
    void aRealRestartIsRefusedUnlessAllowed() {
        assertEquals(ExitCodes.REFUSED, cli.run("restart"));
        assertEquals("imelab restart: restarting this machine is not allowed. Set HKLM\\SOFTWARE\\imelab\\Settings\\"
                + "AllowDeviceRestart to 1 (REG_DWORD) to allow it, or use imelab restart --simulate.",
                cli.err().strip());
        assertEquals(Optional.empty(), simulated(), "nothing recorded");
    }

    @Test
    void theCommandIsListed() {
        assertEquals(ExitCodes.OK, cli.run("--help"));
        assertTrue(cli.out().contains("restart"), cli.out());
    }
}
