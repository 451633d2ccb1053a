package org.imelab.agent.cli.apps;

import java.io.PrintWriter;
import java.time.Instant;
import org.imelab.agent.win32app.engine.AvailableAppRequests;
import org.imelab.registry.Registry;
import org.imelab.registry.ime.ImeLayout;
import org.imelab.registry.ime.Scope;
import picocli.CommandLine.Command;

/** {@code imelab apps install ID}: Company Portal's "Install" for an available app. */
@Command(name = "install", description = {"Request an available app (as Company Portal does) and ask the running "
        + "agent to check in; a stopped agent serves the request when it starts."})
public final class AppsInstallCommand extends AppRequestCommand {

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Registry registry = apps.root().openRegistry()) {
            new AvailableAppRequests(registry, ImeLayout.at(apps.root().imeRoot()))
                    .request(Scope.DEVICE, appId, Instant.now());
        }
        out.println("Install of app " + appId + " requested.");
        return requestCheckin(out);
    }
}
