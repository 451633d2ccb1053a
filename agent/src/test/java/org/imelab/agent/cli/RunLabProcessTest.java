package org.imelab.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.imelab.agent.DataHome;
import org.imelab.agent.daemon.AgentStatus;
import org.imelab.agent.ipc.IpcClient;
import org.imelab.agent.ipc.IpcVerb;
import org.imelab.agent.testing.LabDeviceFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code imelab run --lab FILE} on a fresh data home, as a real process: it starts the lab on
 * loopback, enrolls, checks in over mutual TLS, takes a moniker from outside, and a second run
 * on the same home finds the device already enrolled.
 */
class RunLabProcessTest {
    @TempDir
    Path dir;

    private final List<String> seen = new ArrayList<>();

    private Process start(Path home, Path lab, BlockingQueue<String> lines) throws IOException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.imelab.agent.Main",
                "--home", home.toString(), "run", "--start-delay", "0", "--lab", lab.toString())
                .redirectErrorStream(true).start();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    lines.add(l);
                }
            } catch (IOException e) {
                lines.add("<read failed: " + e + ">");
            }
        });
        return p;
    }

    private String awaitLine(BlockingQueue<String> lines, Predicate<String> wanted, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                break;
            }
            seen.add(line);
            if (wanted.test(line)) {
                return line;
            }
        }
        throw new AssertionError("no line " + what + " in:\n" + String.join("\n", seen));
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "SIGTERM; on Windows the service host stops it")
    void aFreshDeviceEnrollsChecksInAndAnswersTheMoniker() throws Exception {
        Path home = dir.resolve("home");
        Path lab = LabDeviceFixture.writeLab(dir.resolve("lab"));
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Process p = start(home, lab, lines);
        try {
            awaitLine(lines, l -> l.contains("lab gateway on https://127.0.0.1:"), "naming the embedded lab");
            awaitLine(lines, l -> l.contains("enrolled now as device "), "for the enrollment");
            String done = awaitLine(lines, l -> l.contains("check-in 1 done") || l.contains("check-in 1 FAILED"), "ending the start check-in");
            assertTrue(done.contains("check-in 1 done") && done.contains("1 malformed policy rejected"), done);
            assertTrue(Files.list(home.resolve("certstore").resolve("LocalMachine").resolve("My"))
                    .anyMatch(f -> f.toString().endsWith(".crt")), "the enrolled certificate is in the store");

            IpcClient client = new IpcClient(new DataHome(home).ipcSocket(), Duration.ofSeconds(10));
            assertTrue(client.send(IpcVerb.SYNCAPP).ok());
            awaitLine(lines, l -> l.contains("check-in 2 (intunemanagementextension://syncapp)"), "for the moniker");
            awaitLine(lines, l -> l.contains("check-in 2 done"), "ending the moniker's check-in");

            Map<String, String> status = client.send(IpcVerb.STATUS).details();
            assertTrue(status.get(AgentStatus.GATEWAY).matches("https://127\\.0\\.0\\.1:\\d+/SideCarGatewayService"),
                    status.toString());
            assertTrue(status.get(AgentStatus.CERTIFICATE).matches("[0-9A-F]{40}"), status.toString());
            assertEquals("3360 s (from the gateway)", status.get(AgentStatus.INTERVAL));

            p.toHandle().destroy();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            awaitLine(lines, l -> l.endsWith("imelab agent stopped."), "for the farewell");
        } finally {
            p.destroyForcibly();
        }

        // the same home again: the lab keeps its CA and devices, so the device does not enroll again
        long certificates = Files.list(home.resolve("certstore").resolve("LocalMachine").resolve("My")).count();
        BlockingQueue<String> again = new LinkedBlockingQueue<>();
        Process second = start(home, lab, again);
        try {
            awaitLine(again, l -> l.contains("enrolled as device "), "for the enrollment it already has");
            String done = awaitLine(again, l -> l.contains("check-in 1 done") || l.contains("check-in 1 FAILED"), "ending the second run's check-in");
            assertTrue(done.contains("check-in 1 done"), done);
            assertEquals(certificates, Files.list(home.resolve("certstore").resolve("LocalMachine").resolve("My")).count());
            second.toHandle().destroy();
            assertTrue(second.waitFor(60, TimeUnit.SECONDS));
        } finally {
            second.destroyForcibly();
        }
    }
}
