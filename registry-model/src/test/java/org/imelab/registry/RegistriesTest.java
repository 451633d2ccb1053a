package org.imelab.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.imelab.registry.file.FileRegistry;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class RegistriesTest {

    @Test
    void opensBackendsByNameInAnyCase(@TempDir Path dir) {
        assertInstanceOf(MemoryRegistry.class, Registries.open("Memory", dir));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Registries.open("cloud", dir));
        assertTrue(e.getMessage().contains("windows, file, memory"), e.getMessage());
    }

    @Test
    void theFileBackendKeepsItsStateInTheGivenFolder(@TempDir Path dir) {
        RegPath key = RegPath.parse("HKLM\\SOFTWARE\\Microsoft\\IntuneManagementExtension\\Settings");
        try (Registry file = Registries.open("file", dir.resolve("registry"))) {
            assertInstanceOf(FileRegistry.class, file);
            file.put(key, "Interval", RegValue.dword(1800));
        }
        try (Registry again = Registries.open("FILE", dir.resolve("registry"))) {
            assertEquals(java.util.Optional.of(RegValue.dword(1800)), again.get(key, "Interval"));
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void offWindowsTheDefaultIsTheFileRegistryAndWindowsIsRefused(@TempDir Path dir) {
        assertEquals(Registries.FILE, Registries.defaultBackend());
        assertFalse(Registries.onWindows());
        RegistryException e = assertThrows(RegistryException.class, () -> Registries.open("windows", dir));
        assertTrue(e.getMessage().contains("needs Windows"), e.getMessage());
    }

    /**
     * The Windows backend compiles everywhere but is never loaded elsewhere: a child JVM that
     * opens the other backends (and is refused the Windows one) loads neither JnaRegistry nor
     * jna-platform's Advapi32.
     */
    @Test
    @DisabledOnOs(OS.WINDOWS)
    void offWindowsNoWindowsClassIsEverLoaded() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-verbose:class", "-cp", System.getProperty("java.class.path"),
                RegistriesProbe.class.getName())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("probe done"), output);
        assertTrue(output.contains("org.imelab.registry.Registries "), "the probe ran through Registries");
        for (String never : List.of("org.imelab.registry.windows.", "com.sun.jna.platform.win32.Advapi32")) {
            assertFalse(output.lines().anyMatch(l -> l.contains(never)), never + " was loaded");
        }
    }
}
