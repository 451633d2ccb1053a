package org.imelab.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.imelab.gateway.lab.LabGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code imelab lab-gateway}: runs the sample lab until stopped; refuses a lab file it cannot use. */
class LabGatewayCommandTest {
    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine cli() {
        CommandLine cl = ImelabCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl;
    }

    @Test
    void servesTheSampleLabUntilStopped() throws Exception {
        CommandLine cl = cli();
        LabGatewayCommand command = (LabGatewayCommand) cl.getSubcommands().get("lab-gateway").getCommand();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() ->
                cl.execute("--home", home.toString(), "lab-gateway", "--port", "0"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        LabGateway gateway;
        while ((gateway = command.running()) == null) {
            assertTrue(System.nanoTime() < deadline && !exit.isDone(), "not started: " + (exit.isDone() ? exit.join() : "") + " " + out + err);
            Thread.onSpinWait();
        }
        assertTrue(gateway.port() > 0);
        assertTrue(Files.isRegularFile(home.resolve("lab-gateway/sample-lab/sample-lab.json")));
        assertTrue(Files.isRegularFile(gateway.caCertificateFile()));
        command.requestStop();
        assertEquals(ExitCodes.OK, exit.get(30, TimeUnit.SECONDS));
        assertTrue(out.toString().contains("SideCar URL     https://127.0.0.1:"), out.toString());
    }

    @Test
    void aLabFileItCannotUseIsRefusedWithItsReason() throws Exception {
        Path lab = home.resolve("lab.json");
        Files.writeString(lab, "{\"apps\": 3}");
        assertEquals(ExitCodes.REFUSED, cli().execute("--home", home.toString(), "lab-gateway", "--lab", lab.toString(),
                "--port", "0"));
        assertTrue(err.toString().contains("apps: must be an array"), err.toString());
        assertEquals(ExitCodes.REFUSED, cli().execute("--home", home.toString(), "lab-gateway", "--lab",
                home.resolve("missing.json").toString(), "--port", "0"));
    }
}
