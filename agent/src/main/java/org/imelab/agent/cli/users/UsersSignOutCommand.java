package org.imelab.agent.cli.users;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.imelab.agent.cli.ExitCodes;
import org.imelab.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code imelab users sign-out ACCOUNT}: no more user check-ins for the account; its recorded state stays. */
@Command(name = "sign-out", description = {"Sign a local account out: it gets no user check-in any more. The user's",
    "app state (Win32Apps\\{userObjectId}) stays, as on a real device."})
public final class UsersSignOutCommand implements Callable<Integer> {

    @ParentCommand
    UsersCommand users;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACCOUNT")
    String account;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Registry registry = users.root().openRegistry()) {
            if (!users.mapping(registry).signOut(account)) {
                spec.commandLine().getErr().println("imelab users sign-out: " + account + " is not signed in");
                return ExitCodes.REFUSED;
            }
        }
        out.println(account + " is signed out.");
        return ExitCodes.OK;
    }
}
