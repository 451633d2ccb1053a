package org.imelab.agent.win32app.rules;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.imelab.agent.win32app.exec.ProcessTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs detection and requirement scripts as real child processes.
 *
 * <ul>
 * <li>On Windows: Windows PowerShell ({@code powershell.exe -NoProfile -NonInteractive
 * -ExecutionPolicy Bypass -File}, AllSigned when the rule enforces signatures; the SysWOW64 copy
 * for {@code RunAs32Bit}).</li>
 * <li>Elsewhere: a body whose first line is {@code #!interpreter [arg]} runs with that
 * interpreter, as the kernel would run it; otherwise {@code pwsh} when it is on PATH; otherwise the
 * result is {@link ScriptResult.NoInterpreter} ("script rules need PowerShell"), never a pass.</li>
 * </ul>
 * The script and its captured output live in files in a work folder (like the agent's
 * {@code .output}/{@code .error} files) and are deleted afterwards. A run past the time limit (60
 * minutes by default, as the agent's) is killed with its whole process tree.
 */
public final class ScriptHost {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger("ime.AppWorkload");
    private static final Logger DEV = LoggerFactory.getLogger(ScriptHost.class);
    private static final int MAX_OUTPUT = 1 << 20;

    private final Path workDir;
    private final boolean windows;
    private final Map<String, String> environment;
    private final Duration timeout;

    public ScriptHost(Path workDir, boolean windows, Map<String, String> environment, Duration timeout) {
        this.workDir = workDir;
        this.windows = windows;
        this.environment = Map.copyOf(environment);
        this.timeout = timeout;
    }

    public ScriptResult run(ScriptRule rule) {
        Optional<List<String>> interpreter = interpreter(rule);
        if (interpreter.isEmpty()) {
            return new ScriptResult.NoInterpreter("script rules need PowerShell: no powershell.exe or pwsh here, "
                    + "and the script does not start with a #! line naming another interpreter");
        }
        String id = UUID.randomUUID().toString();
        boolean shebang = !windows && rule.body().startsWith("#!");
        Path script = workDir.resolve(id + (shebang ? ".sh" : ".ps1"));
        Path out = workDir.resolve(id + ".output");
        Path err = workDir.resolve(id + ".error");
        try {
            Files.createDirectories(workDir);
            // PowerShell reads a BOM-less .ps1 as ANSI; the BOM keeps non-ASCII text intact
            String text = shebang ? rule.body() : "\uFEFF" + rule.body();
            Files.writeString(script, text, StandardCharsets.UTF_8);
            List<String> argv = new ArrayList<>(interpreter.get());
            argv.add(script.toString());
            ProcessBuilder pb = new ProcessBuilder(argv).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File(windows ? "NUL" : "/dev/null")));
            pb.environment().putAll(environment);
            LOG.info("Powershell execution process timeout milliseconds: {}", timeout.toMillis());
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                return new ScriptResult.FailedToStart("Could not start " + argv.get(0) + ": " + e.getMessage());
            }
            boolean done;
            try {
                done = p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                ProcessTree.kill(p.toHandle());
                Thread.currentThread().interrupt();
                return new ScriptResult.FailedToStart("Interrupted while the script ran");
            }
            if (!done) {
                ProcessTree.kill(p.toHandle());
                return new ScriptResult.TimedOut(timeout);
            }
            return new ScriptResult.Completed(p.exitValue(), read(out), read(err));
        } catch (IOException e) {
            return new ScriptResult.FailedToStart("Could not prepare the script in " + workDir + ": " + e.getMessage());
        } finally {
            deleteQuietly(script);
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** The command that runs the script file (the file name is appended), or empty. */
    Optional<List<String>> interpreter(ScriptRule rule) {
        if (windows) {
            String root = environment.getOrDefault("SystemRoot", System.getenv().getOrDefault("SystemRoot", "C:\\Windows"));
            String dir = rule.runAs32Bit() ? "SysWOW64" : (is32BitJvm() ? "Sysnative" : "System32");
            return Optional.of(List.of(root + "\\" + dir + "\\WindowsPowerShell\\v1.0\\powershell.exe",
                    "-NoProfile", "-NonInteractive", "-ExecutionPolicy",
                    rule.enforceSignatureCheck() ? "AllSigned" : "Bypass", "-File"));
        }
        if (rule.body().startsWith("#!")) {
            String first = rule.body().lines().findFirst().orElse("#!").substring(2).strip();
            if (first.isEmpty()) {
                return Optional.empty();
            }
            int space = first.indexOf(' ');
            List<String> cmd = new ArrayList<>();
            if (space < 0) {
                cmd.add(first);
            } else {
                // like the kernel: everything after the interpreter is one argument
                cmd.add(first.substring(0, space));
                cmd.add(first.substring(space + 1).strip());
            }
            return Optional.of(cmd);
        }
        return findOnPath("pwsh").map(pwsh -> List.of(pwsh.toString(), "-NoProfile", "-NonInteractive", "-File"));
    }

    private Optional<Path> findOnPath(String program) {
        String path = environment.getOrDefault("PATH", System.getenv().getOrDefault("PATH", ""));
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean is32BitJvm() {
        return "32".equals(System.getProperty("sun.arch.data.model"));
    }

    private static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            String s = new String(in.readNBytes(MAX_OUTPUT), StandardCharsets.UTF_8);
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            DEV.debug("Could not delete {}: {}", p, e.getMessage());
        }
    }
}
