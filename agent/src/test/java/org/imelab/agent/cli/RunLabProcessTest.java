package org.imelab.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.imelab.agent.DataHome;
import org.imelab.agent.testing.ImelabCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code imelab run --lab} as a user runs it: a child process with the embedded lab gateway and
 * the sample lab, a second terminal's moniker, a second daemon refused, status and apps reading
 * what the check-in wrote, and SIGTERM.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "SIGTERM; on Windows the service host stops it")
class RunLabProcessTest {
    @TempDir
    Path home;
    final ImelabCli cli = new ImelabCli(() -> home);

    /** A child `imelab` process and its console lines as they come. */
    private final class Child {
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final List<String> seen = new ArrayList<>();

        Child(String... args) throws IOException {
            List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "org.imelab.agent.Main", "--home", home.toString()));
            argv.addAll(List.of(args));
            process = new ProcessBuilder(argv).redirectErrorStream(true).start();
            Thread.ofVirtual().start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String l = r.readLine(); l != null; l = r.readLine()) {
                        lines.add(l);
                    }
                } catch (IOException e) {
                    lines.add("<read failed: " + e + ">");
                }
            });
        }

        String await(Predicate<String> wanted, String what) throws InterruptedException {
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

        /** Waits for the exit, then returns everything it printed. */
        String finish() throws InterruptedException {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the process ends");
            // the reader drains what is left once the process closed its output
            for (String l = lines.poll(5, TimeUnit.SECONDS); l != null; l = lines.poll(1, TimeUnit.SECONDS)) {
                seen.add(l);
            }
            return String.join("\n", seen);
        }
    }

    /** Runs {@code imelab args} here, asserts it succeeded and returns what it printed. */
    private String imelab(String... args) {
        int code = cli.run(args);
        assertEquals(0, code, String.join(" ", args) + " failed: " + cli.err());
        return cli.out();
    }

    @Test
    void runsTheSampleLabAnswersTheMonikerAndStopsOnSigterm() throws Exception {
        Child daemon = new Child("run", "--lab", "--start-delay", "0");
        try {
            daemon.await(l -> l.contains("enrolled now as device "), "for the enrollment");
            daemon.await(l -> l.contains("client certificate check: 1 usable MDM certificate"), "for the checker");
            daemon.await(l -> l.contains("check-in 1 (service start)"), "for the start check-in");
            String first = daemon.await(l -> l.contains("check-in 1 done"), "for the start check-in's end");
            assertTrue(first.contains("6 installed, 1 waiting retry, 1 failed, 1 not applicable"), first);
            // the retired tool and the replaced old version; the detect-only dependency and the app needing it
            assertTrue(first.contains("2 not present, 2 not attempted"), first);

            // a second daemon on the same home is refused before it starts a gateway or enrolls
            Child second = new Child("run", "--lab", "--start-delay", "0");
            String secondOut = second.finish();
            assertEquals(ExitCodes.FAILURE, second.process.exitValue(), secondOut);
            assertTrue(secondOut.contains("Another imelab daemon is already listening"), secondOut);
            assertFalse(secondOut.contains("lab gateway on"), secondOut);
            assertFalse(secondOut.contains("enrolled"), secondOut);

            // a second terminal's moniker: a new check-in
            Child moniker = new Child("moniker", "intunemanagementextension://syncapp");
            String said = moniker.finish();
            assertEquals(0, moniker.process.exitValue(), said);
            assertTrue(said.contains("Check-in requested"), said);
            daemon.await(l -> l.contains("check-in 2 (intunemanagementextension://syncapp)"), "for the moniker's check-in");
            String again = daemon.await(l -> l.contains("check-in 2 done"), "for its end");
            assertTrue(again.contains("all unchanged"), again);

            String status = imelab("status");
            assertTrue(status.contains("running (pid " + daemon.process.pid()), status);
            assertTrue(status.contains("(SyncApp): Success"), status);
            assertTrue(status.lines().anyMatch(l -> l.startsWith("Gateway:") && l.contains("https://127.0.0.1:")),
                    status);
            assertTrue(status.lines().anyMatch(l -> l.startsWith("Certificate:") && l.strip().length() > 40), status);

            Map<String, JsonNode> apps = new HashMap<>();
            for (JsonNode app : new ObjectMapper().readTree(imelab("apps", "--json"))) {
                apps.put(app.get("Name").asText(), app);
            }
            assertEquals("Success (1000)", apps.get("imelab Sample - Success").get("Enforcement").asText());
            JsonNode retry = apps.get("imelab Sample - Retry");
            assertEquals("ErrorWaitingRetry (5007)", retry.get("Enforcement").asText());
            assertEquals(1618, retry.get("ErrorCode").asInt());
            JsonNode failure = apps.get("imelab Sample - Failure");
            assertEquals("Error (5000)", failure.get("Enforcement").asText());
            assertEquals(1603, failure.get("ErrorCode").asInt());
            assertFalse(failure.get("GrsTime").isNull(), "a failure is remembered in GRS");
            assertEquals(3010, apps.get("imelab Sample - Soft reboot").get("ErrorCode").asInt());
            assertEquals("InProgressPendingReboot (2008)",
                    apps.get("imelab Sample - Hard reboot").get("Enforcement").asText());
            assertEquals("Installed (1)", apps.get("imelab Sample - Dependency").get("Compliance").asText());
            assertEquals("Installed (1)", apps.get("imelab Sample - With dependency").get("Compliance").asText());
            assertEquals("MinimumLogicalProcessorCountNotMet (1004)",
                    apps.get("imelab Sample - Requirement not met").get("Applicability").asText());
            assertEquals("NotAttemptedAutoInstallOff (6004)",
                    apps.get("imelab Sample - Detect-only dependency").get("Enforcement").asText());
            assertEquals("NotAttemptedDependencyWithAutoInstallOff (6005)",
                    apps.get("imelab Sample - Needs detect-only dependency").get("Enforcement").asText());
            assertEquals("SuccessAppRemovedBySupersedence (1016)",
                    apps.get("imelab Sample - Old version").get("Enforcement").asText());
            assertEquals("Success (1000)", apps.get("imelab Sample - New version").get("Enforcement").asText());
            JsonNode retired = apps.get("imelab Sample - Retired tool");
            assertEquals("RequiredUninstall", retired.get("Intent").asText());
            assertEquals("NotInstalled (2)", retired.get("Compliance").asText());

            // the sample lab names one user: the account running the agent is signed in as it
            assertTrue(daemon.seen.stream().anyMatch(l -> l.contains("is signed in as user "
                    + "5a3b1e00-0000-4000-8000-00000000a5e1 (the lab's user)")), String.join("\n", daemon.seen));
            String users = imelab("users");
            assertTrue(users.lines().anyMatch(l -> l.contains(System.getProperty("user.name"))
                    && l.contains("5a3b1e00-0000-4000-8000-00000000a5e1")), users);

            daemon.process.toHandle().destroy(); // SIGTERM
            assertTrue(daemon.process.waitFor(60, TimeUnit.SECONDS), "the agent exits on SIGTERM");
            assertEquals(143, daemon.process.exitValue());
            daemon.await(l -> l.endsWith("imelab agent stopped."), "for the farewell");
            List<String> log = Files.readAllLines(new DataHome(home).logsDir().resolve("IntuneManagementExtension.log"),
                    StandardCharsets.UTF_8);
            assertTrue(log.stream().anyMatch(l -> l.contains("EMS Agent Stopped]LOG]!>")), String.join("\n", log));
            assertEquals(1, log.stream().filter(l -> l.contains("EMS Agent Started]LOG]!>")).count(),
                    "the refused second daemon wrote nothing into the running one's log");
        } finally {
            daemon.process.destroyForcibly();
        }
    }
}
