package org.imelab.agent.win32app.exec;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An installer ({@code sh setup.sh}) that starts a helper that starts another, then waits forever: what the
 * max run time must kill as a whole tree. The helpers write their pids beside it.
 */
final class ProcessTreeInstaller {
    static final String COMMAND = "sh setup.sh";

    private ProcessTreeInstaller() {
    }

    static void writeTo(Path app) throws IOException {
        Files.writeString(app.resolve("setup.sh"), """
                #!/bin/sh
                sh -c 'sleep 300 & echo $! > grandchild.pid; wait' &
                echo $! > child.pid
                sleep 300
                """);
    }

    /** The installer and both helpers are gone. */
    static void assertTreeKilled(InstallerOutcome o, Path app) throws IOException {
        assertFalse(ProcessHandle.of(o.pid()).map(ProcessHandle::isAlive).orElse(false), "installer killed");
        for (String pidFile : List.of("child.pid", "grandchild.pid")) {
            long pid = Long.parseLong(Files.readString(app.resolve(pidFile)).strip());
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), pidFile + " killed");
        }
    }
}
