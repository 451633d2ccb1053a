package org.imelab.agent.win32app.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Script rules run as real child processes; off Windows a {@code #!} body runs with its interpreter. */
@DisabledOnOs(OS.WINDOWS)
class ScriptRuleTest {
    @TempDir
    Path work;

    private ScriptHost host(Duration timeout, Map<String, String> env) {
        return new ScriptHost(work.resolve("scripts"), false, env, timeout);
    }

    private DetectionResult detect(String body) {
        MemoryRegistry r = new MemoryRegistry();
        return new DetectionEvaluator(r, WindowsPaths.emulated(work, Map.of(), true), new UninstallKeyMsiProducts(r),
                host(Duration.ofSeconds(20), Map.of()), FixedDeviceFacts.typical())
                .detect(List.of(new ScriptRule(body, false, false)));
    }

    @Test
    void exitZeroWithOutputIsDetected() {
        DetectionResult r = detect("#!/bin/sh\necho \"Installed $((40 + 2))\"\nexit 0\n");
        assertEquals(DetectionResult.State.DETECTED, r.state(), r.outcomes().toString());
        assertTrue(r.outcomes().get(0).detail().contains("Installed 42"));
    }

    @Test
    void exitZeroWithoutOutputIsNotDetected() {
        assertEquals(DetectionResult.State.NOT_DETECTED, detect("#!/bin/sh\necho to stderr >&2\nexit 0\n").state());
    }

    @Test
    void outputWithANonZeroExitIsNotDetected() {
        assertEquals(DetectionResult.State.NOT_DETECTED, detect("#!/bin/sh\necho found\nexit 1\n").state());
    }

    @Test
    void theShebangArgumentIsPassedLikeTheKernelDoes() {
        // "-e" reaches sh as its option: the script stops at "false" and exits non-zero
        assertEquals(DetectionResult.State.NOT_DETECTED, detect("#!/bin/sh -e\nfalse\necho unreachable\n").state());
    }

    @Test
    void aPolicyBase64BodyDecodes() {
        String b64 = Base64.getEncoder().encodeToString("\uFEFF#!/bin/sh\necho ok\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(DetectionResult.State.DETECTED, detect(ScriptRule.decodeBody(b64)).state());
    }

    @Test
    void withoutPowerShellAPowerShellBodyIsAClearErrorNotAPass() {
        ScriptResult r = host(Duration.ofSeconds(5), Map.of("PATH", work.toString()))
                .run(new ScriptRule("Write-Output 'installed'", false, false));
        ScriptResult.NoInterpreter n = assertInstanceOf(ScriptResult.NoInterpreter.class, r);
        assertTrue(n.message().startsWith("script rules need PowerShell"), n.message());
    }

    @Test
    void aScriptPastItsTimeoutIsKilledAndIsAnError() throws Exception {
        Path pidFile = work.resolve("child.pid");
        ScriptResult r = host(Duration.ofMillis(500), Map.of())
                .run(new ScriptRule("#!/bin/sh\nsleep 60 &\necho $! > '" + pidFile + "'\nwait\n", false, false));
        assertInstanceOf(ScriptResult.TimedOut.class, r);
        long child = Long.parseLong(Files.readString(pidFile).strip());
        assertTrue(ProcessHandle.of(child).map(p -> !p.isAlive()).orElse(true), "the script's child is gone too");
        try (Stream<Path> left = Files.list(work.resolve("scripts"))) {
            assertEquals(List.of(), left.toList(), "script and output files are removed");
        }
    }
}
