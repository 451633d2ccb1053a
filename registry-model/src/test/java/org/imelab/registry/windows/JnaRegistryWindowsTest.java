package org.imelab.registry.windows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.RegistryException;
import org.imelab.registry.RegistryView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The Windows backend against the real registry, beyond the shared contract: raw bytes of every
 * type, the two views, and Win32 error codes. Everything it writes lives under a throw-away
 * {@code HKCU\Software\imelab-test-{uuid}} key, deleted afterwards.
 */
@EnabledOnOs(OS.WINDOWS)
class JnaRegistryWindowsTest {
    final JnaRegistry registry = new JnaRegistry();
    final RegPath base = RegPath.parse("HKCU\\Software\\imelab-test-" + UUID.randomUUID());

    @AfterEach
    void cleanUp() {
        registry.deleteTree(base);
        assertFalse(registry.exists(base));
    }

    @Test
    void rawBytesOfEveryKindRoundTrip() {
        RegPath key = base.child("raw");
        Map<String, RegValue> written = Map.of(
                "none-with-data", new RegValue.None(new byte[] {1, 2, 3}),
                "none-empty", new RegValue.None(new byte[0]),
                "unnamed-type", new RegValue.Raw(0x1234, new byte[] {(byte) 0xCA, (byte) 0xFE}),
                "big-endian", new RegValue.Raw(5, new byte[] {0, 0, 0, 7}),
                "short-dword", new RegValue.Raw(4, new byte[] {1, 2}),
                "empty-binary", new RegValue.Binary(new byte[0]),
                "multi", new RegValue.MultiSz(List.of("a", "b\u00e9")),
                "", RegValue.sz("default value"));
        written.forEach((name, value) -> registry.put(key, name, value));

        for (Map.Entry<String, RegValue> e : written.entrySet()) {
            RegValue read = registry.get(key, e.getKey()).orElseThrow();
            assertEquals(e.getValue().typeCode(), read.typeCode(), e.getKey());
            assertArrayEquals(e.getValue().data(), read.data(), e.getKey());
        }
        assertEquals(written.keySet(), registry.values(key).keySet());
    }

    @Test
    void theTwoViewsOfHklmSoftwareDiffer() {
        // Read-only: both views of this key exist on every 64-bit Windows, with different data.
        RegPath cv = RegPath.parse("HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion");
        Optional<RegValue> native64 = registry.get(cv, "ProgramFilesDir");
        Optional<RegValue> wow32 = registry.get(cv.withView(RegistryView.VIEW_32), "ProgramFilesDir");
        assertTrue(native64.isPresent() && wow32.isPresent());
        assertNotEquals(native64, wow32);
        assertTrue(wow32.get().display().contains("(x86)"), wow32.get().display());
    }

    @Test
    void absentIsEmptyAndDeletesSayWhetherTheyFoundSomething() {
        RegPath key = base.child("a", "b");
        assertEquals(Optional.empty(), registry.get(key, "x"));
        assertEquals(Map.of(), registry.values(key));
        assertEquals(List.of(), registry.subKeys(key));
        assertFalse(registry.deleteValue(key, "x"));
        assertFalse(registry.deleteTree(key));

        registry.apply(List.of(new RegOp.CreateKey(key.child("c")), new RegOp.Put(key, "x", RegValue.dword(7))));
        assertEquals(List.of("c"), registry.subKeys(key));
        assertTrue(registry.deleteValue(key, "x"));
        assertTrue(registry.deleteTree(base.child("a")));
        assertFalse(registry.exists(base.child("a")));
    }

    @Test
    void win32ErrorsArePreserved() {
        assumeFalse("SYSTEM".equalsIgnoreCase(System.getProperty("user.name")), "SYSTEM may write HKLM\\SECURITY");
        RegistryException e = assertThrows(RegistryException.class,
                () -> registry.put(RegPath.parse("HKLM\\SECURITY\\imelab-test"), "x", RegValue.dword(1)));
        assertEquals(5, e.win32Error(), e.getMessage());
    }
}
