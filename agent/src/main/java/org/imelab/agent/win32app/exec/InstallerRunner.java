package org.imelab.agent.win32app.exec;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.imelab.agent.session.UserSession;
import org.imelab.agent.win32app.exec.windows.WtsUserSessionLauncher;
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
 * into the file named by {@value #EXIT_CODE_FILE_VARIABLE}, and that code is reported.
 *
 * <p>A command with a {@code runAs} user (InstallEx.RunAs 2) is started by a
 * {@link UserSessionLauncher} in that user's session; the timeout and tree kill are the same.
 */
public final class InstallerRunner {
    private static final Logger LOG = LoggerFactory.getLogger("ime.AppWorkload");
    /** Off Windows: where a lab installer may write the full (32-bit) exit code it means. */
    public static final String EXIT_CODE_FILE_VARIABLE = "IMELAB_EXIT_CODE_FILE";

    private final boolean windows;
    private final UserSessionLauncher users;

    /**
     * @param users starts user-context installs (InstallEx.RunAs 2) in the user's session
     */
    public InstallerRunner(boolean windows, UserSessionLauncher users) {
        this.windows = windows;
        this.users = users;
    }

    public static InstallerRunner forThisMachine() {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        return new InstallerRunner(windows, windows ? new WtsUserSessionLauncher()
                : PosixUserSessionLauncher.forThisProcess());
    }

    /**
     * One run.
     *
     * @param commandLine      the policy's InstallCommandLine or UninstallCommandLine
     * @param workingDirectory the app's IMECache folder
     * @param maxRunTime       InstallEx.MaxRunTimeInMinutes as a duration
     * @param environment      extra variables for the installer (e.g. the emulated Windows folders)
     * @param output           where the installer's stdout and stderr go; null discards them (always
     *                         discarded for a user-context run on Windows)
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
        Map<String, String> env = new HashMap<>(cmd.environment());
        Path exitCodeFile = null;
        if (!windows) {
            String path = env.getOrDefault("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
            env.put("PATH", cmd.workingDirectory().toAbsolutePath() + File.pathSeparator + path);
            exitCodeFile = Files.createTempFile("imelab-exit-", ".code");
            env.put(EXIT_CODE_FILE_VARIABLE, exitCodeFile.toString());
        }
        Launch launch = new Launch(cmd.commandLine(), argv, cmd.workingDirectory(), env, cmd.output(), exitCodeFile);
        try {
            return start(launch, cmd);
        } finally {
            if (exitCodeFile != null) {
                Files.deleteIfExists(exitCodeFile);
            }
        }
    }

    private InstallerOutcome start(Launch launch, InstallerCommand cmd) throws IOException {
        LOG.info("[Win32App] SetCurrentDirectory: {}", cmd.workingDirectory());
        LOG.info("Installer process timeout milliseconds: {}", cmd.maxRunTime().toMillis());
        try (LaunchedProcess process = cmd.runAs() == null
                ? new JavaLaunchedProcess(launch.processBuilder(List.of(), windows).start())
                : users.start(cmd.runAs(), launch)) {
            long pid = process.pid();
            LOG.info("[Win32App] process id = {}", pid);
            boolean finished;
            try {
                finished = process.waitFor(cmd.maxRunTime());
            } catch (InterruptedException e) {
                process.killTree();
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for the installer", e);
            }
            if (!finished) {
                LOG.info("[Win32App] Installation is timeout, collecting result");
                process.killTree();
            } else {
                LOG.info("[Win32App] Installation is done, collecting result");
            }
            int exit = process.exitCode();
            if (finished && launch.exitCodeFile() != null) {
                exit = declaredExitCode(launch.exitCodeFile(), exit);
            }
            LOG.info("[Win32App] lpExitCode {}", exit);
            return new InstallerOutcome(exit, !finished, pid);
        }
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
}
