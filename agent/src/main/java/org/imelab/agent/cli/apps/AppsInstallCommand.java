package org.imelab.agent.cli.apps;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.imelab.agent.win32app.engine.AvailableAppRequests;
import org.imelab.registry.Registry;
import org.imelab.registry.ime.ImeLayout;
import org.imelab.registry.ime.Scope;
import org.imelab.registry.ime.Win32AppStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code imelab apps install ID}: Company Portal's "Install" for an available app. */
@Command(name = "install", description = {"Request an available app (as Company Portal does) and ask the running "
        + "agent to check in; a stopped agent serves the request when it starts."})
public final class AppsInstallCommand extends AppRequestCommand {

    @Option(names = "--user", paramLabel = "OBJECTID", description = "The Entra user who asks (Company Portal runs "
            + "as the user): the request is for that user's check-in. Default: the one scope that has the app "
            + "(the device's when none or several have it).")
    String user;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Scope scope;
        try {
            scope = user == null ? Scope.DEVICE : Scope.user(user);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("imelab apps install: --user: " + e.getMessage());
            return org.imelab.agent.cli.ExitCodes.REFUSED;
        }
        try (Registry registry = apps.root().openRegistry()) {
            ImeLayout layout = ImeLayout.at(apps.root().imeRoot());
            if (user == null) {
                scope = onlyScopeWith(new Win32AppStore(registry, layout), appId).orElse(Scope.DEVICE);
            }
            new AvailableAppRequests(registry, layout).request(scope, appId, Instant.now());
        }
        out.println("Install of app " + appId + " requested" + (scope.isDevice() ? "." : " for user " + scope + "."));
        return requestCheckin(out);
    }

    /** Available apps usually reach users only: the scope the app was seen in, when that is one. */
    private static Optional<Scope> onlyScopeWith(Win32AppStore store, String appId) {
        List<Scope> with = store.scopes().stream().filter(s -> store.latest(s, appId).isPresent()).toList();
        return with.size() == 1 ? Optional.of(with.get(0)) : Optional.empty();
    }
}
