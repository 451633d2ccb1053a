package org.imelab.registry.ime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.Test;

class LabUsersKeyTest {
    static final String ALICE = "1a2b3c4d-0000-4000-8000-00000000a11c";
    static final String BOB = "2b3c4d5e-0000-4000-8000-0000000000b0";

    final MemoryRegistry registry = new MemoryRegistry();
    final LabUsersKey users = new LabUsersKey(registry, ImeLayout.standard());

    @Test
    void signInWritesTheObjectIdKeyWithTheAccount() {
        users.signIn("AzureAD\\alice", ALICE.toUpperCase());
        RegPath key = RegPath.parse("HKLM\\SOFTWARE\\imelab\\Users\\" + ALICE);
        assertEquals(Optional.of(RegValue.sz("AzureAD\\alice")), registry.get(key, "Account"));
        assertEquals(Optional.of(ALICE), users.userObjectId("azuread\\ALICE"), "account names ignore case");
        assertEquals(List.of(new LabUsersKey.SignedIn("AzureAD\\alice", ALICE)), users.all());
    }

    @Test
    void aSecondSignInReplacesTheAccountsEarlierUserAndTheUsersEarlierAccount() {
        users.signIn("alice", ALICE);
        users.signIn("bob", BOB);
        users.signIn("alice", BOB);
        assertEquals(List.of(new LabUsersKey.SignedIn("alice", BOB)), users.all());
    }

    @Test
    void signOutRemovesTheMapping() {
        users.signIn("alice", ALICE);
        assertTrue(users.signOut("ALICE"));
        assertFalse(users.signOut("alice"));
        assertEquals(Optional.empty(), users.userObjectId("alice"));
    }

    @Test
    void badInputIsRefusedAndWritesNothing() {
        assertThrows(IllegalArgumentException.class, () -> users.signIn("alice", "not-a-guid"));
        assertThrows(IllegalArgumentException.class, () -> users.signIn(" ", ALICE));
        assertFalse(registry.exists(users.key()));
    }

    @Test
    void foreignKeysBesideTheMappingsAreIgnored() {
        registry.createKey(users.key().child("leftover"));
        registry.createKey(users.key().child(BOB)); // no Account value
        users.signIn("alice", ALICE);
        assertEquals(List.of(new LabUsersKey.SignedIn("alice", ALICE)), users.all());
    }
}
