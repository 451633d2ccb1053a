package org.imelab.agent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.imelab.registry.ime.ImeLayout;
import org.imelab.registry.ime.LabUsersKey;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.Test;

class SignedInUsersTest {
    static final String ALICE = "1a2b3c4d-0000-4000-8000-00000000a11c";

    @Test
    void joinsTheSessionsWithTheMappingAndKeepsOneSessionPerUser() throws Exception {
        MemoryRegistry registry = new MemoryRegistry();
        LabUsersKey mapping = new LabUsersKey(registry, ImeLayout.standard());
        mapping.signIn("ALICE", ALICE.toUpperCase());
        SignedInUsers users = new SignedInUsers(() -> List.of(new UserSession(1, "alice", null),
                new UserSession(2, "bob", null), new UserSession(3, "alice", null)), mapping);

        assertEquals(List.of(new UserSession(1, "alice", ALICE), new UserSession(2, "bob", null),
                new UserSession(3, "alice", ALICE)), users.all());
        assertEquals(List.of(new UserSession(1, "alice", ALICE)), users.withEntraUser());
    }
}
