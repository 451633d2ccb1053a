package org.imelab.agent.cli.apps;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.imelab.agent.cli.ExitCodes;
import org.imelab.agent.ipc.DaemonNotRunningException;
import org.imelab.agent.ipc.IpcClient;
import org.imelab.agent.ipc.IpcResponse;
import org.imelab.agent.ipc.IpcVerb;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** An {@code imelab apps} subcommand acting on one app, then asking the running agent to check in. */
abstract class AppRequestCommand implements Callable<Integer> {

    @ParentCommand
    AppsCommand apps;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The app id (a GUID).")
    String appId;

    /** Asks the daemon for a check-in; a stopped daemon is not an error here. */
    int requestCheckin(PrintWriter out) {
        try {
            IpcResponse r = new IpcClient(apps.root().dataHome().ipcSocket(), Duration.ofSeconds(10)).send(IpcVerb.SYNC);
            out.println(r.message());
            return r.ok() ? ExitCodes.OK : ExitCodes.REFUSED;
        } catch (DaemonNotRunningException e) {
            out.println("The agent is not running; it processes the app at its next start.");
            return ExitCodes.OK;
        } catch (IOException e) {
            out.println("Could not reach the agent: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }
}
