package org.imelab.agent;

import org.imelab.agent.cli.ImelabCommand;
import picocli.CommandLine;

/** Entry point of the {@code imelab} command line and daemon. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = ImelabCommand.commandLine().execute(args);
        System.exit(code);
    }
}
