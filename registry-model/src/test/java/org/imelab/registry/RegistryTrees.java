package org.imelab.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** Test helpers that build and compare whole subtrees through the {@link Registry} API. */
public final class RegistryTrees {
    private RegistryTrees() {
    }

    /** A subtree with every value type, an empty key, nested keys and the default value. */
    public static void fill(Registry reg, RegPath base) {
        reg.put(base, "", RegValue.sz("default"));
        RegistryContractTest.everyType().forEach((name, value) -> reg.put(base, name, value));
        reg.createKey(base.child("Empty"));
        reg.put(base.child("Win32Apps", "00000000-0000-0000-0000-000000000000"), "Grüße", RegValue.sz("日本"));
        reg.put(base.child("Win32Apps", "Reporting"), "LastSync", RegValue.qword(133_000_000_000_000_000L));
    }

    /** Every key and value below {@code key} is the same in both (values compared as maps). */
    public static void assertSameTree(Registry expected, Registry actual, RegPath key) {
        assertEquals(expected.exists(key), actual.exists(key), key.toString());
        assertEquals(expected.values(key), actual.values(key), key.toString());
        List<String> subs = expected.subKeys(key);
        assertEquals(subs, actual.subKeys(key), key.toString());
        for (String s : subs) {
            assertSameTree(expected, actual, key.child(s));
        }
    }

    /** Whether every key and value below {@code key} is the same in both. */
    public static boolean sameTree(Registry a, Registry b, RegPath key) {
        if (a.exists(key) != b.exists(key) || !a.values(key).equals(b.values(key))) {
            return false;
        }
        List<String> subs = a.subKeys(key);
        if (!subs.equals(b.subKeys(key))) {
            return false;
        }
        for (String s : subs) {
            if (!sameTree(a, b, key.child(s))) {
                return false;
            }
        }
        return true;
    }

    /** {@link #assertSameTree} for every hive. */
    public static void assertSameRegistry(Registry expected, Registry actual) {
        for (Hive h : Hive.values()) {
            assertSameTree(expected, actual, RegPath.of(h));
        }
    }
}
