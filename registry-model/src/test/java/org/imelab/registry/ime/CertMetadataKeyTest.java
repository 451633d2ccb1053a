package org.imelab.registry.ime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.Test;

class CertMetadataKeyTest {
    final MemoryRegistry registry = new MemoryRegistry();
    final CertMetadataKey key = CertMetadataKey.of(registry);
    final CertMetadataKey.Values values = new CertMetadataKey.Values("0A1B2C3D4E5F60718293A4B5C6D7E8F901234567",
            "CN=07bc0167-9061-43b7-b243-0bb6aeda736e", Instant.parse("2026-03-04T05:06:07Z"), "LocalMachine");

    @Test
    void livesUnderTheImeRoot() {
        assertEquals(RegPath.parse("HKLM\\SOFTWARE\\Microsoft\\IntuneManagementExtension\\CertMetadata"), key.path());
        assertEquals(ImeLayout.standard().certMetadata(), key.path());
        RegPath sandbox = RegPath.parse("HKCU\\Software\\lab1\\IntuneManagementExtension");
        assertEquals(RegPath.parse("HKCU\\Software\\lab1\\IntuneManagementExtension\\CertMetadata"),
                new CertMetadataKey(registry, sandbox).path());
        assertEquals(new CertMetadataKey(registry, ImeLayout.at(sandbox)).path(),
                new CertMetadataKey(registry, sandbox).path());
    }

    @Test
    void writesFourRegSzValuesInTheImeTimeFormat() {
        key.write(values);
        assertEquals(Map.of(
                "Thumbprint", RegValue.sz("0A1B2C3D4E5F60718293A4B5C6D7E8F901234567"),
                "SubjectName", RegValue.sz("CN=07bc0167-9061-43b7-b243-0bb6aeda736e"),
                "ValidationTime", RegValue.sz("03/04/2026 05:06:07"),
                "StoreLocation", RegValue.sz("LocalMachine")), registry.values(key.path()));
        assertEquals(new CertMetadataKey.Reading.Present(values), key.read());
    }

    @Test
    void aNewWriteReplacesStrayValues() {
        registry.put(key.path(), "Leftover", RegValue.dword(1));
        key.write(values);
        assertFalse(registry.values(key.path()).containsKey("Leftover"));
    }

    @Test
    void absentAndDeleted() {
        assertInstanceOf(CertMetadataKey.Reading.Absent.class, key.read());
        assertFalse(key.delete());
        key.write(values);
        assertTrue(key.delete());
        assertInstanceOf(CertMetadataKey.Reading.Absent.class, key.read());
    }

    @Test
    void malformedValuesAreNamed() {
        registry.put(key.path(), "Thumbprint", RegValue.dword(5));
        assertTrue(((CertMetadataKey.Reading.Malformed) key.read()).reason().startsWith("Thumbprint"));
        registry.put(key.path(), "Thumbprint", RegValue.sz("AB"));
        assertInstanceOf(CertMetadataKey.Reading.Malformed.class, key.read());
        registry.put(key.path(), "SubjectName", RegValue.sz("CN=x"));
        registry.put(key.path(), "StoreLocation", RegValue.sz("LocalMachine"));
        registry.put(key.path(), "ValidationTime", RegValue.sz("13/40/2026 99:00:00"));
        assertTrue(((CertMetadataKey.Reading.Malformed) key.read()).reason().contains("13/40/2026"));
        registry.put(key.path(), "validationtime", RegValue.sz("12/31/2026 23:59:59"));
        assertEquals(Instant.parse("2026-12-31T23:59:59Z"),
                ((CertMetadataKey.Reading.Present) key.read()).values().validationTime(), "names compare without case");
    }
}
