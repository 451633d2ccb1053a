package org.imelab.agent.win32app.exec;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.imelab.agent.session.UserSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an installer or uninstaller command line in its content folder
 * ({@code IMECache\{appId}_{version}}), waits at most MaxRunTimeInMinutes, and kills the whole
 * process tree when that is exceeded, then reports the exit code. Mapping the code to a result is
 * {@link ReturnCodes#classify}'s job.
 *
 * <p>On Windows the command line is split as Windows splits it and started directly; elsewhere it
 * runs under {@code /bin/sh -c} with the working folder first on {@code PATH}, standing in for
 * Windows, which finds programs in the current folder. POSIX exit codes have 8 bits, so a lab
 * installer cannot exit with 3010, 1641 or 1618: it may instead write the Windows exit code it means
 * into the file named by {@value #EXIT_CODE_FILE_VARIABLE}, and that code is reported. User-context
 * installs (InstallEx.RunAs 2) are the caller's concern: this runs as the current account.
 */
public final class InstallerRunner {
    private static final Logger LOG = LoggerFactory.getLogger("ime.AppWorkload");
    /** Off Windows: where a lab installer may write the full (32-bit) exit code it means. */
    public static final String EXIT_CODE_FILE_VARIABLE = "IMELAB_EXIT_CODE_FILE";

    private final boolean windows;

    public InstallerRunner(boolean windows) {
        this.windows = windows;
    }

    public static InstallerRunner forThisMachine() {
        return new InstallerRunner(System.getProperty("os.name", "").startsWith("Windows"));
    }

    /**
     * One run.
     *
     * @param commandLine      the policy's InstallCommandLine or UninstallCommandLine
     * @param workingDirectory the app's IMECache folder
     * @param maxRunTime       InstallEx.MaxRunTimeInMinutes as a duration
     * @param environment      extra variables for the installer (e.g. the emulated Windows folders)
     * @param output           where the installer's stdout and stderr go; null discards them
     * @param runAs            the user a user-context install (InstallEx.RunAs 2) runs as, in that
     *                         user's session; null runs it as the agent's account (System context)
     */
    public record InstallerCommand(String commandLine, Path workingDirectory, Duration maxRunTime,
                                   Map<String, String> environment, Path output, UserSession runAs) {
        /** A System-context run. */
        public InstallerCommand(String commandLine, Path workingDirectory, Duration maxRunTime,
                                Map<String, String> environment, Path output) {
            this(commandLine, workingDirectory, maxRunTime, environment, output, null);
        }

        public InstallerCommand {
            Objects.requireNonNull(commandLine, "commandLine");
            Objects.requireNonNull(workingDirectory, "workingDirectory");
            Objects.requireNonNull(maxRunTime, "maxRunTime");
            environment = environment == null ? Map.of() : Map.copyOf(environment);
            if (commandLine.isBlank()) {
                throw new IllegalArgumentException("Empty installer command line");
            }
            if (maxRunTime.isNegative() || maxRunTime.isZero()) {
                throw new IllegalArgumentException("Max run time must be positive: " + maxRunTime);
            }
        }
    }

    /** @throws IOException when the process cannot be started (the caller reports the failure) */
    public InstallerOutcome run(InstallerCommand cmd) throws IOException {
        if (!Files.isDirectory(cmd.workingDirectory())) {
            throw new IOException("Working directory " + cmd.workingDirectory() + " does not exist");
        }
        List<String> argv = windows ? CommandLines.windows(cmd.commandLine()) : CommandLines.posix(cmd.commandLine());
        ProcessBuilder pb = new ProcessBuilder(argv).directory(cmd.workingDirectory().toFile());
        pb.environment().putAll(cmd.environment());
        Path exitCodeFile = null;
        if (!windows) {
            String path = pb.environment().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
            pb.environment().put("PATH", cmd.workingDirectory().toAbsolutePath() + File.pathSeparator + path);
            exitCodeFile = Files.createTempFile("imelab-exit-", ".code");
            pb.environment().put(EXIT_CODE_FILE_VARIABLE, exitCodeFile.toString());
        }
        try {
            return start(pb, cmd, exitCodeFile);
        } finally {
            if (exitCodeFile != null) {
                Files.deleteIfExists(exitCodeFile);
            }
        }
    }

    private InstallerOutcome start(ProcessBuilder pb, InstallerCommand cmd, Path exitCodeFile) throws IOException {
        if (cmd.output() == null) {
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        } else {
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(cmd.output().toFile()));
        }
        pb.redirectInput(ProcessBuilder.Redirect.from(new File(windows ? "NUL" : "/dev/null")));

        LOG.info("[Win32App] SetCurrentDirectory: {}", cmd.workingDirectory());
        LOG.info("Installer process timeout milliseconds: {}", cmd.maxRunTime().toMillis());
        Process process = pb.start();
        long pid = process.pid();
        LOG.info("[Win32App] process id = {}", pid);
        boolean finished;
        try {
            finished = process.waitFor(cmd.maxRunTime().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            ProcessTree.kill(process.toHandle());
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the installer", e);
        }
        if (!finished) {
            LOG.info("[Win32App] Installation is timeout, collecting result");
            ProcessTree.kill(process.toHandle());
        } else {
            LOG.info("[Win32App] Installation is done, collecting result");
        }
        int exit = waitUninterruptibly(process);
        if (finished && exitCodeFile != null) {
            exit = declaredExitCode(exitCodeFile, exit);
        }
        LOG.info("[Win32App] lpExitCode {}", exit);
        return new InstallerOutcome(exit, !finished, pid);
    }

    /** The code a lab installer wrote to its exit-code file, else the process's own. */
    private static int declaredExitCode(Path file, int processExit) throws IOException {
        String text = Files.readString(file).strip();
        if (text.isEmpty()) {
            return processExit;
        }
        try {
            return (int) Long.parseLong(text);
        } catch (NumberFormatException e) {
            LOG.warn("[Win32App] Ignoring the installer's exit code file: '{}' is not a number", text);
            return processExit;
        }
    }

    private static int waitUninterruptibly(Process p) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return p.waitFor();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
