package org.imelab.agent.win32app.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The real machine's facts; the Windows version comes from the registry where Windows keeps it. */
class SystemDeviceFactsTest {
    @TempDir
    Path drive;

    @Test
    void readsTheWindowsVersionFromTheRegistry() {
        MemoryRegistry r = new MemoryRegistry();
        RegPath cv = RegPath.parse("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion");
        r.put(cv, "CurrentMajorVersionNumber", RegValue.dword(10));
        r.put(cv, "CurrentMinorVersionNumber", RegValue.dword(0));
        r.put(cv, "CurrentBuildNumber", RegValue.sz("26100"));
        r.put(cv, "UBR", RegValue.dword(2605));
        SystemDeviceFacts facts = new SystemDeviceFacts(r, drive, Map.of(), false);
        assertEquals(Optional.of("10.0.26100.2605"), facts.osVersion());
    }

    @Test
    void aLabWithoutVersionValuesHasNoKnownVersionOffWindows() {
        assertEquals(Optional.empty(), new SystemDeviceFacts(new MemoryRegistry(), drive, Map.of(), false).osVersion());
    }

    @Test
    void readsThisMachinesHardware() {
        SystemDeviceFacts facts = SystemDeviceFacts.forThisMachine(new MemoryRegistry(), drive.resolve("not/yet/created"));
        assertTrue(facts.physicalMemoryBytes() > 0);
        assertTrue(facts.logicalProcessorCount() >= 1);
        assertTrue(facts.freeSystemDiskBytes() > 0, "the nearest existing folder's file store is used");
        facts.osArchitecture(); // this JVM's architecture is one we know
    }

    @Test
    void architectureNamesAndRequiredArchitectureFlags() {
        assertEquals(OsArchitecture.X64, OsArchitecture.parse("AMD64"));
        assertEquals(OsArchitecture.X64, OsArchitecture.parse("x86_64"));
        assertEquals(OsArchitecture.ARM64, OsArchitecture.parse("aarch64"));
        assertEquals(OsArchitecture.X86, OsArchitecture.parse("x86"));
        assertThrows(IllegalArgumentException.class, () -> OsArchitecture.parse("sparc"));
        assertTrue(OsArchitecture.X64.allows(null) && OsArchitecture.X86.allows(0));
        assertTrue(OsArchitecture.X64.allows(32) && !OsArchitecture.X86.allows(32));
    }

    @Test
    @EnabledOnOs(OS.WINDOWS)
    void onWindowsTheVersionFallsBackToTheJvmsView() {
        SystemDeviceFacts facts = SystemDeviceFacts.forThisMachine(new MemoryRegistry(), Path.of("C:\\"));
        assertTrue(facts.osVersion().isPresent());
        assertTrue(facts.cpuSpeedMhz().isEmpty() || facts.cpuSpeedMhz().getAsLong() > 0);
    }
}
