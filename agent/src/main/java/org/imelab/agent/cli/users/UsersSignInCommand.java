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

/** {@code imelab users sign-in ACCOUNT OBJECTID}: the account is that Entra user from the next check-in on. */
@Command(name = "sign-in", description = {"Sign a local account in as an Entra user (its object id): from the next",
    "check-in on, the account gets a user check-in while it is logged on. Replaces an earlier mapping."})
public final class UsersSignInCommand implements Callable<Integer> {

    @ParentCommand
    UsersCommand users;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACCOUNT", description = "The account name, e.g. alice or AzureAD\\alice.")
    String account;

    @Parameters(index = "1", paramLabel = "OBJECTID", description = "The Entra user object id (a GUID).")
    String objectId;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Registry registry = users.root().openRegistry()) {
            users.mapping(registry).signIn(account, objectId);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("imelab users sign-in: " + e.getMessage());
            return ExitCodes.REFUSED;
        }
        out.println(account + " is signed in as " + objectId.toLowerCase(java.util.Locale.ROOT) + ".");
        return ExitCodes.OK;
    }
}
