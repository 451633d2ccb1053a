package org.imelab.agent;

import java.util.OptionalInt;
import org.imelab.agent.cli.ImelabCommand;
import org.imelab.agent.cli.MonikerHandOver;

/** Entry point of the {@code imelab} command line and daemon. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        OptionalInt moniker = MonikerHandOver.fastPath(args, System.getenv(), System.getProperty("user.home"));
        int code = moniker.isPresent() ? moniker.getAsInt() : ImelabCommand.commandLine().execute(args);
        System.exit(code);
    }
}
