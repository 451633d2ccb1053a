package org.imelab.agent.cli.users;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.imelab.agent.cli.ExitCodes;
import org.imelab.agent.cli.ImelabCommand;
import org.imelab.agent.session.ForegroundAccount;
import org.imelab.agent.session.SignedInUsers;
import org.imelab.agent.session.UserSession;
import org.imelab.registry.Registry;
import org.imelab.registry.ime.ImeLayout;
import org.imelab.registry.ime.LabUsersKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code imelab users}: who is logged on, and which Entra user each account is signed in as (the
 * lab's stand-in for an Entra sign-in, under {@code HKLM\SOFTWARE\imelab\Users}). Each logged-on
 * account with a user gets a user check-in after the device's.
 */
@Command(name = "users", description = {"Show the logged-on users and the Entra user each account is signed in as.",
    "Each logged-on account signed in as a user gets a user check-in (the user's apps, Win32Apps\\{userObjectId}).",
    "Subcommands: sign-in ACCOUNT OBJECTID, sign-out ACCOUNT."},
        subcommands = {UsersSignInCommand.class, UsersSignOutCommand.class})
public final class UsersCommand implements Callable<Integer> {

    @ParentCommand
    ImelabCommand parent;

    @Spec
    CommandSpec spec;

    ImelabCommand root() {
        return parent;
    }

    LabUsersKey mapping(Registry registry) {
        return new LabUsersKey(registry, ImeLayout.at(parent.imeRoot()));
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Registry registry = parent.openRegistry()) {
            LabUsersKey mapping = mapping(registry);
            List<UserSession> sessions;
            try {
                sessions = new SignedInUsers(ForegroundAccount.forThisRun(), mapping).all();
            } catch (IOException e) {
                spec.commandLine().getErr().println("imelab users: the logged-on users cannot be listed: "
                        + e.getMessage());
                sessions = List.of();
            }
            out.println("Logged on:");
            if (sessions.isEmpty()) {
                out.println("  (nobody)");
            }
            for (UserSession s : sessions) {
                out.printf("  session %-4d %-24s %s%n", s.sessionId(), s.account(), s.entraUser()
                        .orElse("(not signed in: no user check-in)"));
            }
            out.println("Signed in (" + mapping.key().toShortString() + "):");
            List<LabUsersKey.SignedIn> all = mapping.all();
            if (all.isEmpty()) {
                out.println("  (nobody; imelab users sign-in ACCOUNT OBJECTID)");
            }
            for (LabUsersKey.SignedIn s : all) {
                out.printf("  %-24s %s%n", s.account(), s.userObjectId());
            }
        }
        return ExitCodes.OK;
    }
}
