package org.imelab.registry.ime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.Test;

class GrsStoreTest {
    static final String A = "cce28372-03a1-4006-8035-00deb0c906ed";
    static final String B = "471f61b1-58ad-431b-bd4d-386d3c953773";
    static final Scope SCOPE = Scope.user("8679bddf-b85f-473c-bc47-2ed0457ec9fb");
    static final Instant T0 = Instant.parse("2023-03-23T08:55:35Z");

    final MemoryRegistry registry = new MemoryRegistry();
    final ImeLayout layout = ImeLayout.standard();
    final GrsStore grs = new GrsStore(registry, layout);

    @Test
    void theHashIsBase64OfSha256OverTheSortedNamesJoinedByCommas() throws Exception {
        SubgraphHash h = SubgraphHash.of(List.of(Win32AppKey.of(A, 3), Win32AppKey.of(B, 1)));
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest((B + "_1," + A + "_3").getBytes(StandardCharsets.UTF_8));
        assertEquals(Base64.getEncoder().encodeToString(digest), h.value());
        assertEquals(44, h.value().length());
        assertEquals(h, SubgraphHash.of(List.of(Win32AppKey.of(B, 1), Win32AppKey.of(A, 3))));
        assertFalse(h.equals(SubgraphHash.of(List.of(Win32AppKey.of(A, 4), Win32AppKey.of(B, 1)))));
        assertTrue(SubgraphHash.parse("2BKBFKBaevJ8qnbQsLVnCKDoI1ZjfmU5sTdZPc/QtWE=").isPresent());
        assertTrue(SubgraphHash.parse("GRS").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> SubgraphHash.of(List.of()));
    }

    @Test
    void anEntryIsAValueNamedByTheAppHoldingTheTime() {
        SubgraphHash h = new SubgraphHash("2BKBFKBaevJ8qnbQsLVnCKDoI1ZjfmU5sTdZPc/QtWE=");
        grs.put(SCOPE, h, A, T0);

        // the key the agent logs: 8679bddf-...\GRS\2BKBFKB...=\cce28372-...
        RegPath key = RegPath.parse("HKLM\\SOFTWARE\\Microsoft\\IntuneManagementExtension\\Win32Apps\\"
                + "8679bddf-b85f-473c-bc47-2ed0457ec9fb\\GRS\\2BKBFKBaevJ8qnbQsLVnCKDoI1ZjfmU5sTdZPc/QtWE=");
        assertEquals(Optional.of(RegValue.sz("03/23/2023 08:55:35")), registry.get(key, A));
        assertEquals(Optional.of(new GrsEntry(SCOPE, h, A, T0)), grs.find(SCOPE, A));
        assertEquals(Optional.empty(), grs.find(SCOPE, B));
    }

    @Test
    void removingAnAppKeepsItsSubgraphPartnersAndDropsEmptyKeys() {
        SubgraphHash pair = SubgraphHash.of(List.of(Win32AppKey.of(A, 1), Win32AppKey.of(B, 1)));
        SubgraphHash alone = SubgraphHash.of(List.of(Win32AppKey.of(A, 2)));
        grs.put(SCOPE, pair, List.of(A, B), T0);
        grs.put(SCOPE, alone, A, T0.plusSeconds(3600));

        assertEquals(Optional.of(new GrsEntry(SCOPE, alone, A, T0.plusSeconds(3600))), grs.find(SCOPE, A));
        assertEquals(List.of(pair, alone).stream().sorted(java.util.Comparator.comparing(SubgraphHash::value)).toList(),
                grs.subgraphsOf(SCOPE, A).stream().sorted(java.util.Comparator.comparing(SubgraphHash::value)).toList());

        assertTrue(grs.remove(SCOPE, A));
        assertFalse(registry.exists(layout.grs(SCOPE, alone)));
        assertEquals(List.of(new GrsEntry(SCOPE, pair, B, T0)), grs.entries(SCOPE));
        assertFalse(grs.remove(SCOPE, A));
        assertTrue(grs.removeSubgraph(SCOPE, pair));
        assertEquals(List.of(), grs.entries(SCOPE));
    }

    @Test
    void readersSkipForeignNamesAndData() {
        SubgraphHash h = SubgraphHash.of(List.of(Win32AppKey.of(A, 1)));
        RegPath key = layout.grs(SCOPE, h);
        registry.put(key, A, RegValue.sz("03/23/2023 08:55:35"));
        registry.put(key, B, RegValue.sz("not a time"));
        registry.put(key, "", RegValue.sz("03/23/2023 08:55:35"));
        registry.put(key, "note", RegValue.sz("03/23/2023 08:55:35"));
        registry.createKey(layout.grs(SCOPE).child("not-a-hash"));
        registry.createKey(key.child(B)); // one community script looks for app keys under GRS too

        assertEquals(List.of(new GrsEntry(SCOPE, h, A, T0)), grs.entries(SCOPE));
    }

    @Test
    void lenientTimesAreRead() {
        assertEquals(Optional.of(T0), ImeTime.parse("3/23/2023 8:55:35 AM"));
        assertEquals(Optional.of(T0), ImeTime.parse("3/23/2023 8:55:35"));
        assertEquals(Optional.empty(), ImeTime.parse("23.03.2023 08:55:35"));
        assertEquals("07/25/2026 11:30:45", ImeTime.format(Instant.parse("2026-07-25T11:30:45.999Z")));
    }
}
