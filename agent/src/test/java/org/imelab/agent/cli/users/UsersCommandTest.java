package org.imelab.agent.cli.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.imelab.agent.cli.ExitCodes;
import org.imelab.agent.cli.ImelabCommand;
import org.imelab.registry.Registry;
import org.imelab.registry.file.FileRegistry;
import org.imelab.registry.ime.ImeLayout;
import org.imelab.registry.ime.LabUsersKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code imelab users}, {@code users sign-in} and {@code users sign-out} over the data home's file registry. */
class UsersCommandTest {
    static final String ALICE = "1a2b3c4d-0000-4000-8000-00000000a11c";
    @TempDir
    Path home;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int imelab(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = ImelabCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        all[0] = "--home";
        all[1] = home.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return cl.execute(all);
    }

    List<LabUsersKey.SignedIn> mapping() {
        try (Registry r = new FileRegistry(home.resolve("registry"))) {
            return new LabUsersKey(r, ImeLayout.standard()).all();
        }
    }

    @Test
    void signInSignOutAndTheList() {
        assertEquals(ExitCodes.OK, imelab("users", "sign-in", "AzureAD\\alice", ALICE.toUpperCase()), err.toString());
        assertEquals("AzureAD\\alice is signed in as " + ALICE + ".", out.toString().strip());
        assertEquals(List.of(new LabUsersKey.SignedIn("AzureAD\\alice", ALICE)), mapping());

        assertEquals(ExitCodes.OK, imelab("users"), err.toString());
        assertTrue(out.toString().contains("Logged on:"), out.toString());
        assertTrue(out.toString().contains("Signed in (HKLM\\SOFTWARE\\imelab\\Users):"), out.toString());
        assertTrue(out.toString().lines().anyMatch(l -> l.contains("AzureAD\\alice") && l.contains(ALICE)),
                out.toString());

        assertEquals(ExitCodes.OK, imelab("users", "sign-out", "azuread\\alice"), err.toString());
        assertEquals(List.of(), mapping());
        assertEquals(ExitCodes.REFUSED, imelab("users", "sign-out", "alice"));
        assertTrue(err.toString().contains("alice is not signed in"), err.toString());
    }

    @Test
    void aBadObjectIdIsRefusedAndNothingIsWritten() {
        assertEquals(ExitCodes.REFUSED, imelab("users", "sign-in", "alice", "alice@contoso.com"));
        assertTrue(err.toString().contains("must be a GUID"), err.toString());
        assertEquals(List.of(), mapping());
    }
}
