package org.imelab.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Registry} backend shares, written against the real Windows
 * registry's rules. A backend's test extends this class and supplies {@link #openRegistry()};
 * the Windows backend runs it on Windows against throw-away keys.
 *
 * <p>Tests write only below {@link #testRoot()} (under HKCU) and, for the 32-bit view tests,
 * below {@link #machineSoftwareRoot()} (under HKLM\SOFTWARE); both are deleted afterwards.
 */
public abstract class RegistryContractTest {
    protected Registry registry;
    protected RegPath root;
    private Optional<RegPath> machineRoot;

    /** A registry to test; closed after each test. */
    protected abstract Registry openRegistry() throws Exception;

    /** A key no one else uses, directly under HKCU\Software; deleted after each test. */
    protected RegPath testRoot() {
        return RegPath.parse("HKCU\\Software\\imelab-contract-" + UUID.randomUUID());
    }

    /**
     * A key directly under HKLM\SOFTWARE for the view tests (WOW64 redirects only there), or
     * empty to skip them (e.g. a Windows test run without elevation).
     */
    protected Optional<RegPath> machineSoftwareRoot() {
        return Optional.of(RegPath.parse("HKLM\\SOFTWARE\\imelab-contract-" + UUID.randomUUID()));
    }

    @BeforeEach
    void openAndChooseKeys() throws Exception {
        registry = openRegistry();
        root = testRoot();
        machineRoot = machineSoftwareRoot();
    }

    @AfterEach
    void cleanUpAndClose() {
        try {
            registry.deleteTree(root);
            machineRoot.ifPresent(m -> {
                registry.deleteTree(m);
                registry.deleteTree(m.withView(RegistryView.VIEW_32));
            });
        } finally {
            registry.close();
        }
    }

    /** One value of each type the agent writes, and the odd ones a device may hold. */
    protected static Map<String, RegValue> everyType() {
        Map<String, RegValue> m = new LinkedHashMap<>();
        m.put("Sz", RegValue.sz("C:\\Program Files (x86)\\Microsoft Intune Management Extension"));
        m.put("EmptySz", RegValue.sz(""));
        m.put("Unicode", RegValue.sz("Grüße 日本 🎉 \"quoted\""));
        m.put("ExpandSz", new RegValue.ExpandSz("%ProgramData%\\Microsoft\\IntuneManagementExtension"));
        m.put("MultiSz", new RegValue.MultiSz(List.of("first", "second", "Grüße")));
        m.put("Dword", RegValue.dword(42));
        m.put("NegativeDword", RegValue.dword(-1));
        m.put("Qword", RegValue.qword(0x0123456789abcdefL));
        m.put("Binary", new RegValue.Binary(new byte[] {0, 1, 2, (byte) 0xfe, (byte) 0xff}));
        m.put("EmptyBinary", new RegValue.Binary(new byte[0]));
        m.put("None", new RegValue.None(new byte[] {9, 8, 7}));
        m.put("EmptyNone", new RegValue.None(new byte[0]));
        m.put("DwordBigEndian", new RegValue.Raw(RegType.REG_DWORD_BIG_ENDIAN.code(), new byte[] {0, 0, 0, 42}));
        m.put("ResourceList", new RegValue.Raw(RegType.REG_RESOURCE_LIST.code(), new byte[] {1, 0, 0, 0}));
        return m;
    }

    @Test
    void missingKeysReadAsEmpty() {
        RegPath missing = root.child("Missing", "Deeper");
        assertFalse(registry.exists(missing));
        assertEquals(Optional.empty(), registry.get(missing, "x"));
        assertEquals(Optional.empty(), registry.get(missing, ""));
        assertEquals(Map.of(), registry.values(missing));
        assertEquals(List.of(), registry.subKeys(missing));
        assertFalse(registry.deleteValue(missing, "x"));
        assertFalse(registry.deleteTree(missing));
        assertFalse(registry.exists(missing), "reading must not create the key");
    }

    @Test
    void createKeyCreatesTheParentsAndIsIdempotent() {
        RegPath deep = root.child("A", "B", "C");
        registry.createKey(deep);
        registry.createKey(deep);
        assertTrue(registry.exists(root.child("A")));
        assertTrue(registry.exists(root.child("A", "B")));
        assertTrue(registry.exists(deep));
        assertEquals(List.of("C"), registry.subKeys(root.child("A", "B")));
        assertEquals(Map.of(), registry.values(deep));
    }

    @Test
    void putCreatesTheKeyPath() {
        RegPath key = root.child("Win32Apps", "00000000-0000-0000-0000-000000000000");
        registry.put(key, "ComplianceStateMessage", RegValue.sz("{}"));
        assertTrue(registry.exists(key));
        assertEquals(Optional.of(RegValue.sz("{}")), registry.get(key, "ComplianceStateMessage"));
    }

    @Test
    void everyValueTypeRoundTrips() {
        Map<String, RegValue> all = everyType();
        all.forEach((name, value) -> registry.put(root, name, value));
        for (Map.Entry<String, RegValue> e : all.entrySet()) {
            Optional<RegValue> back = registry.get(root, e.getKey());
            assertEquals(Optional.of(e.getValue()), back, e.getKey());
            assertEquals(e.getValue().typeCode(), back.orElseThrow().typeCode(), e.getKey());
            assertArrayEquals(e.getValue().data(), back.orElseThrow().data(), e.getKey());
        }
        assertEquals(all, new HashMap<>(registry.values(root)));
    }

    @Test
    void largeValuesRoundTrip() {
        byte[] big = new byte[256 * 1024];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        String longString = "x".repeat(32 * 1024);
        registry.put(root, "Big", new RegValue.Binary(big));
        registry.put(root, "Long", RegValue.sz(longString));
        assertEquals(Optional.of(new RegValue.Binary(big)), registry.get(root, "Big"));
        assertEquals(Optional.of(RegValue.sz(longString)), registry.get(root, "Long"));
    }

    @Test
    void overwritingAValueMayChangeItsType() {
        registry.put(root, "v", RegValue.sz("text"));
        registry.put(root, "v", RegValue.dword(7));
        assertEquals(Optional.of(RegValue.dword(7)), registry.get(root, "v"));
        assertEquals(1, registry.values(root).size());
    }

    @Test
    void theDefaultValueIsNamedEmpty() {
        registry.createKey(root);
        assertEquals(Optional.empty(), registry.get(root, ""), "a new key's default value is not set");
        registry.put(root, "", RegValue.sz("default"));
        assertEquals(Optional.of(RegValue.sz("default")), registry.get(root, ""));
        assertEquals(RegValue.sz("default"), registry.values(root).get(""));
        assertTrue(registry.deleteValue(root, ""));
        assertEquals(Optional.empty(), registry.get(root, ""));
        assertTrue(registry.exists(root));
    }

    @Test
    void keyNamesAreCaseInsensitiveAndKeepTheirCase() {
        registry.createKey(root.child("MixedCase"));
        registry.put(root.child("MIXEDCASE", "Child"), "v", RegValue.dword(1));
        assertEquals(List.of("MixedCase"), registry.subKeys(root));
        assertTrue(registry.exists(root.child("mixedcase")));
        assertEquals(Optional.of(RegValue.dword(1)), registry.get(root.child("mixedCASE", "CHILD"), "V"));
        assertTrue(registry.deleteTree(root.child("MIXEDcase")));
        assertEquals(List.of(), registry.subKeys(root));
    }

    @Test
    void valueNamesAreCaseInsensitiveAndKeepTheirFirstCase() {
        registry.put(root, "LastSync", RegValue.sz("1"));
        registry.put(root, "LASTSYNC", RegValue.sz("2"));
        assertEquals(Map.of("LastSync", RegValue.sz("2")), registry.values(root));
        assertEquals(Optional.of(RegValue.sz("2")), registry.get(root, "lastsync"));
        assertTrue(registry.deleteValue(root, "lastSYNC"));
        assertEquals(Map.of(), registry.values(root));
    }

    @Test
    void subkeysEnumerateInCaseInsensitiveOrder() {
        for (String name : List.of("charlie", "Alpha", "bravo", "Delta")) {
            registry.createKey(root.child(name));
        }
        assertEquals(List.of("Alpha", "bravo", "charlie", "Delta"), registry.subKeys(root));
    }

    @Test
    void valuesEnumerateWithTheirNamesAndTypes() {
        registry.put(root, "a", RegValue.sz("1"));
        registry.put(root, "b", RegValue.dword(2));
        registry.put(root, "c", new RegValue.MultiSz(List.of("x")));
        registry.createKey(root.child("sub"));
        Map<String, RegValue> values = registry.values(root);
        assertEquals(Map.of("a", RegValue.sz("1"), "b", RegValue.dword(2), "c", new RegValue.MultiSz(List.of("x"))),
                new HashMap<>(values));
        assertEquals(List.of("sub"), registry.subKeys(root));
    }

    @Test
    void deleteValueRemovesOnlyThatValue() {
        registry.put(root, "keep", RegValue.sz("1"));
        registry.put(root, "drop", RegValue.sz("2"));
        assertTrue(registry.deleteValue(root, "drop"));
        assertFalse(registry.deleteValue(root, "drop"));
        assertEquals(Map.of("keep", RegValue.sz("1")), registry.values(root));
        assertTrue(registry.exists(root));
    }

    @Test
    void deleteTreeRemovesTheKeyAndEverythingBelowIt() {
        registry.put(root.child("Gone", "Deep", "Deeper"), "v", RegValue.sz("x"));
        registry.put(root.child("Gone"), "v", RegValue.sz("x"));
        registry.put(root.child("Sibling"), "v", RegValue.sz("stays"));
        assertTrue(registry.deleteTree(root.child("Gone")));
        assertFalse(registry.exists(root.child("Gone")));
        assertFalse(registry.exists(root.child("Gone", "Deep", "Deeper")));
        assertEquals(List.of("Sibling"), registry.subKeys(root));
        assertEquals(Optional.of(RegValue.sz("stays")), registry.get(root.child("Sibling"), "v"));
        assertFalse(registry.deleteTree(root.child("Gone")));
    }

    @Test
    void aHiveRootCannotBeDeleted() {
        registry.put(root, "v", RegValue.sz("x"));
        RegistryException e = assertThrows(RegistryException.class,
                () -> registry.deleteTree(RegPath.of(Hive.HKEY_CURRENT_USER)));
        assertEquals(RegistryException.ERROR_ACCESS_DENIED, e.win32Error());
        assertEquals(Optional.of(RegValue.sz("x")), registry.get(root, "v"));
    }

    @Test
    void applyMakesABatchOfChangesInOrder() {
        registry.put(root.child("Old"), "v", RegValue.sz("old"));
        registry.apply(List.of(
                new RegOp.DeleteTree(root.child("Old")),
                new RegOp.Put(root.child("Old"), "w", RegValue.sz("new")),
                new RegOp.CreateKey(root.child("Empty")),
                new RegOp.Put(root, "a", RegValue.dword(1)),
                new RegOp.Put(root, "b", RegValue.dword(2)),
                new RegOp.DeleteValue(root, "a"),
                new RegOp.DeleteValue(root, "never-there")));
        assertEquals(Map.of("w", RegValue.sz("new")), registry.values(root.child("Old")));
        assertTrue(registry.exists(root.child("Empty")));
        assertEquals(Map.of("b", RegValue.dword(2)), registry.values(root));
    }

    @Test
    void aBatchWithAnInvalidChangeChangesNothing() {
        registry.put(root, "before", RegValue.sz("1"));
        assertThrows(RegistryException.class, () -> registry.apply(List.of(
                new RegOp.Put(root, "a", RegValue.sz("should not appear")),
                new RegOp.Put(root.child("New"), "b", RegValue.sz("should not appear")),
                new RegOp.DeleteTree(RegPath.of(Hive.HKEY_CURRENT_USER)))));
        assertEquals(Map.of("before", RegValue.sz("1")), registry.values(root));
        assertFalse(registry.exists(root.child("New")));
    }

    @Test
    void anEmptyBatchIsAllowed() {
        registry.apply(List.of());
        assertFalse(registry.exists(root));
    }

    @Test
    void the32BitViewOfMachineSoftwareIsRedirectedToWow6432Node() {
        assumeTrue(machineRoot.isPresent(), "no writable HKLM\\SOFTWARE key for the view tests");
        RegPath key64 = machineRoot.get();
        RegPath key32 = key64.withView(RegistryView.VIEW_32);
        registry.put(key32, "bits", RegValue.dword(32));
        registry.put(key64, "bits", RegValue.dword(64));
        assertEquals(Optional.of(RegValue.dword(32)), registry.get(key32, "bits"));
        assertEquals(Optional.of(RegValue.dword(64)), registry.get(key64, "bits"));
        RegPath physical = RegPath.of(Hive.HKEY_LOCAL_MACHINE, "SOFTWARE", "WOW6432Node", key64.name());
        assertEquals(Optional.of(RegValue.dword(32)), registry.get(physical, "bits"));
        assertTrue(registry.deleteTree(key32));
        assertFalse(registry.exists(physical));
        assertEquals(Optional.of(RegValue.dword(64)), registry.get(key64, "bits"));
    }

    @Test
    void the32BitViewOfCurrentUserSoftwareIsShared() {
        RegPath key32 = root.withView(RegistryView.VIEW_32);
        registry.put(key32, "v", RegValue.sz("shared"));
        assertEquals(Optional.of(RegValue.sz("shared")), registry.get(root, "v"));
        assertEquals(List.of(), registry.subKeys(root), "nothing is redirected below HKCU\\Software");
    }
}
