package org.imelab.agent.cli;

import java.util.concurrent.Callable;
import org.imelab.agent.ipc.IpcVerb;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Asks the running daemon for a check-in now. */
@Command(name = "sync",
        description = {"Ask the running agent to check in now, and exit.",
            "Exit codes: 0 requested, 3 the agent is not running, 1 other failure."})
public final class SyncCommand implements Callable<Integer> {

    @ParentCommand
    ImelabCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return DaemonCall.send(parent.dataHome().ipcSocket(), IpcVerb.SYNC,
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
