package org.imelab.agent.win32app.rules;

import java.time.Duration;

/** How a detection or requirement script run ended. */
public sealed interface ScriptResult {

    /** It ran to its end. */
    record Completed(int exitCode, String stdout, String stderr) implements ScriptResult {
        /** The detection criterion: exit code 0 and something written to standard output. */
        public boolean detected() {
            return exitCode == 0 && !stdout.isBlank();
        }
    }

    /** It ran past its time limit and was killed with its children. */
    record TimedOut(Duration limit) implements ScriptResult {
    }

    /** Nothing here can run it (no PowerShell off Windows, and no {@code #!} line). */
    record NoInterpreter(String message) implements ScriptResult {
    }

    /** It could not be started. */
    record FailedToStart(String message) implements ScriptResult {
    }
}
