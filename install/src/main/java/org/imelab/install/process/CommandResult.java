package org.imelab.install.process;

import java.util.List;

/** How a child process ended and what it printed. */
public record CommandResult(List<String> argv, int exitCode, String stdout, String stderr) {

    public CommandResult {
        argv = List.copyOf(argv);
    }

    /** Both streams, trimmed, for messages. */
    public String output() {
        String out = (stdout.strip() + "\n" + stderr.strip()).strip();
        return out.isEmpty() ? "(no output)" : out;
    }
}
