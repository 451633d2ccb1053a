package org.imelab.agent.cli.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.imelab.agent.cli.ExitCodes;
import org.imelab.agent.testing.ImelabCli;
import org.imelab.registry.Registry;
import org.imelab.registry.file.FileRegistry;
import org.imelab.registry.ime.ImeLayout;
import org.imelab.registry.ime.LabUsersKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code imelab users}, {@code users sign-in} and {@code users sign-out} over the data home's file registry. */
class UsersCommandTest {
    static final String ALICE = "1a2b3c4d-0000-4000-8000-00000000a11c";
    @TempDir
    Path home;
    final ImelabCli cli = new ImelabCli(() -> home);

    List<LabUsersKey.SignedIn> mapping() {
        try (Registry r = new FileRegistry(home.resolve("registry"))) {
            return new LabUsersKey(r, ImeLayout.standard()).all();
        }
    }

    @Test
    void signInSignOutAndTheList() {
        assertEquals(ExitCodes.OK, cli.run("users", "sign-in", "AzureAD\\alice", ALICE.toUpperCase()), cli.err());
        assertEquals("AzureAD\\alice is signed in as " + ALICE + ".", cli.out().strip());
        assertEquals(List.of(new LabUsersKey.SignedIn("AzureAD\\alice", ALICE)), mapping());

        assertEquals(ExitCodes.OK, cli.run("users"), cli.err());
        assertTrue(cli.out().contains("Logged on:"), cli.out());
        assertTrue(cli.out().contains("Signed in (HKLM\\SOFTWARE\\imelab\\Users):"), cli.out());
        assertTrue(cli.out().lines().anyMatch(l -> l.contains("AzureAD\\alice") && l.contains(ALICE)),
                cli.out());

        assertEquals(ExitCodes.OK, cli.run("users", "sign-out", "azuread\\alice"), cli.err());
        assertEquals(List.of(), mapping());
        assertEquals(ExitCodes.REFUSED, cli.run("users", "sign-out", "alice"));
        assertTrue(cli.err().contains("alice is not signed in"), cli.err());
    }

    @Test
    void aBadObjectIdIsRefusedAndNothingIsWritten() {
        assertEquals(ExitCodes.REFUSED, cli.run("users", "sign-in", "alice", "alice@contoso.com"));
        assertTrue(cli.err().contains("must be a GUID"), cli.err());
        assertEquals(List.of(), mapping());
    }
}
