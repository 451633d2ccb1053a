package org.imelab.agent.cli.apps;

import java.io.PrintWriter;
import java.util.List;
import org.imelab.agent.cli.ExitCodes;
import org.imelab.registry.RegPath;
import org.imelab.registry.Registry;
import org.imelab.registry.ime.ImeLayout;
import org.imelab.registry.ime.ImeRegistry;
import org.imelab.registry.ime.Scope;
import picocli.CommandLine.Command;

/** {@code imelab apps reset ID}: the Ripley manoeuvre, then a check-in if the agent runs. */
@Command(name = "reset", description = {"Delete an app's keys and its GRS entry in every scope (the Ripley "
        + "manoeuvre), then ask the running agent to check in, so it processes the app afresh."})
public final class AppsResetCommand extends AppRequestCommand {

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int deleted = 0;
        try (Registry registry = apps.root().openRegistry()) {
            ImeRegistry ime = new ImeRegistry(registry, ImeLayout.at(apps.root().imeRoot()));
            for (Scope scope : ime.win32Apps().scopes()) {
                List<RegPath> keys = ime.reset().reset(scope, appId);
                keys.forEach(k -> out.println("deleted " + k));
                deleted += keys.size();
            }
        } catch (IllegalArgumentException e) {
            err.println("imelab apps reset: " + e.getMessage());
            return ExitCodes.REFUSED;
        }
        if (deleted == 0) {
            out.println("Nothing recorded for app " + appId + ".");
        }
        return requestCheckin(out);
    }
}
