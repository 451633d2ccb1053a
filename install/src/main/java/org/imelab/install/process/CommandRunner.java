package org.imelab.install.process;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs a child process to completion: systemctl, xdg-mime, schtasks.exe. */
public interface CommandRunner {

    /**
     * Runs {@code argv} with the current environment plus {@code env} (a null value removes a
     * variable) and waits at most {@code timeout}.
     */
    CommandResult run(List<String> argv, Map<String, String> env, Duration timeout);

    default CommandResult run(List<String> argv) {
        return run(argv, Map.of(), Duration.ofMinutes(1));
    }

    /** Runs and insists on exit code 0. */
    default CommandResult runChecked(List<String> argv) {
        CommandResult r = run(argv);
        if (r.exitCode() != 0) {
            throw new CommandFailedException(r);
        }
        return r;
    }

    /** True when {@code program} is found on the PATH (or is an executable absolute path). */
    boolean isAvailable(String program);
}
