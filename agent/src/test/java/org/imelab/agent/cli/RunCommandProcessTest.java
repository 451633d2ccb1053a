package org.imelab.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.imelab.agent.DataHome;
import org.imelab.agent.ipc.IpcClient;
import org.imelab.agent.ipc.IpcVerb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code imelab run} as a real child process: start, a moniker from outside, SIGTERM. */
class RunCommandProcessTest {
    @TempDir
    Path home;

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private String awaitLine(Predicate<String> wanted, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
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
    void runsUntilSigtermAndStopsCleanly() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "org.imelab.agent.Main", "--home", home.toString(), "--registry", "memory", "run", "--start-delay", "0")
                .redirectErrorStream(true)
                .start();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    lines.add(l);
                }
            } catch (IOException e) {
                lines.add("<read failed: " + e + ">");
            }
        });
        try {
            awaitLine(l -> l.contains("check-in 1 (service start)"), "for the start check-in");
            awaitLine(l -> l.contains("check-in 1 FAILED") && l.contains("no gateway is configured"),
                    "for the start check-in's end");

            Path socket = new DataHome(home).ipcSocket();
            assertTrue(new IpcClient(socket, Duration.ofSeconds(10)).send(IpcVerb.SYNCAPP).ok());
            awaitLine(l -> l.contains("check-in 2 (intunemanagementextension://syncapp)"), "for the moniker's check-in");

            p.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its stdout
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the agent exits on SIGTERM");
            assertEquals(143, p.exitValue(), "128 + SIGTERM, as for any JVM ended by the signal");
            awaitLine(l -> l.endsWith("imelab agent stopped."), "for the farewell");
            assertFalse(Files.exists(socket), "the socket is removed");

            // the CMTrace log has the agent's life in the real agent's words, in order
            List<String> log = Files.readAllLines(new DataHome(home).logsDir().resolve("IntuneManagementExtension.log"),
                    StandardCharsets.UTF_8);
            List<String> expected = List.of("EMS Agent Started",
                    "[Policy] check in interval from cache is : 3600 seconds", "Delaying all checkins by 0 s",
                    "application poller starts.", "application poller stopped.",
                    "[IPC] Received a sync request: intunemanagementextension://syncapp",
                    "application poller starts.", "application poller stopped.", "EMS Agent Stopped");
            int at = 0;
            for (String line : log) {
                if (at < expected.size() && line.contains(expected.get(at) + "]LOG]!>")
                        && line.contains("component=\"IntuneManagementExtension\"")) {
                    at++;
                }
            }
            assertEquals(expected.size(), at, "missing '" + (at < expected.size() ? expected.get(at) : "") + "' in\n"
                    + String.join("\n", log));
        } finally {
            p.destroyForcibly();
        }
    }
}
