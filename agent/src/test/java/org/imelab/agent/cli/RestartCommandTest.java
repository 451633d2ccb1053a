package org.imelab.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.imelab.registry.Registry;
import org.imelab.registry.file.FileRegistry;
import org.imelab.registry.ime.ImeLayout;
import org.imelab.registry.ime.LabRestartKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code imelab restart} over the data home's file registry, with no agent running. Only the refusal of a
 * real restart is tested: a test never allows one, so the machine running the tests never restarts.
 */
class RestartCommandTest {
    @TempDir
    Path home;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int imelab(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = ImelabCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        all[0] = "--home";
        all[1] = home.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return cl.execute(all);
    }

    Optional<Instant> simulated() {
        try (Registry r = new FileRegistry(home.resolve("registry"))) {
            return new LabRestartKey(r, ImeLayout.standard()).simulatedRestartTime();
        }
    }

    @Test
    void simulateRecordsTheRestartAndTellsAStoppedAgentIsFine() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        assertEquals(ExitCodes.OK, imelab("restart", "--simulate"), err.toString());
        Instant recorded = simulated().orElseThrow();
        assertFalse(recorded.isBefore(before), recorded + " before " + before);
        assertFalse(recorded.isAfter(Instant.now()));
        assertTrue(out.toString().contains("Simulated device restart recorded at ")
                && out.toString().contains("HKLM\\SOFTWARE\\imelab\\Device\\SimulatedRestartTime"), out.toString());
        assertTrue(out.toString().contains("The agent is not running; its next start checks in as after the restart."),
                out.toString());
    }

    @Test
    void aRealRestartIsRefusedUnlessAllowed() {
        assertEquals(ExitCodes.REFUSED, imelab("restart"));
        assertEquals("imelab restart: restarting this machine is not allowed. Set HKLM\\SOFTWARE\\imelab\\Settings\\"
                + "AllowDeviceRestart to 1 (REG_DWORD) to allow it, or use imelab restart --simulate.",
                err.toString().strip());
        assertEquals(Optional.empty(), simulated(), "nothing recorded");
    }

    @Test
    void theCommandIsListed() {
        assertEquals(ExitCodes.OK, imelab("--help"));
        assertTrue(out.toString().contains("restart"), out.toString());
    }
}
