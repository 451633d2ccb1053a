package org.imelab.agent.cli.apps;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.imelab.agent.cli.ExitCodes;
import org.imelab.agent.ipc.DaemonNotRunningException;
import org.imelab.agent.ipc.IpcClient;
import org.imelab.agent.ipc.IpcResponse;
import org.imelab.agent.ipc.IpcVerb;
import org.imelab.agent.win32app.engine.AvailableAppRequests;
import org.imelab.registry.Registry;
import org.imelab.registry.ime.ImeLayout;
import org.imelab.registry.ime.Scope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code imelab apps install ID}: Company Portal's "Install" for an available app. */
@Command(name = "install", description = {"Request an available app (as Company Portal does) and ask the running "
        + "agent to check in; a stopped agent serves the request when it starts."})
public final class AppsInstallCommand implements Callable<Integer> {

    @ParentCommand
    AppsCommand apps;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The app id (a GUID).")
    String appId;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Registry registry = apps.root().openRegistry()) {
            new AvailableAppRequests(registry, ImeLayout.at(apps.root().imeRoot()))
                    .request(Scope.DEVICE, appId, Instant.now());
        }
        out.println("Install of app " + appId + " requested.");
        return requestCheckin(apps, out);
    }

    /** Asks the daemon for a check-in; a stopped daemon is not an error here. */
    static int requestCheckin(AppsCommand apps, PrintWriter out) {
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
