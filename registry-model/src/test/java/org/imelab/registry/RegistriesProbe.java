package org.imelab.registry;

import java.nio.file.Files;
import java.nio.file.Path;

/** Run in a child JVM by {@link RegistriesTest}: uses every backend but Windows' the way the CLI does. */
public final class RegistriesProbe {
    private RegistriesProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("imelab-probe");
        try (Registry memory = Registries.open(Registries.MEMORY, dir)) {
            memory.put(RegPath.parse("HKLM\\SOFTWARE\\X"), "v", RegValue.dword(1));
        }
        try {
            Registries.open(Registries.WINDOWS, dir).close();
            throw new AssertionError("the Windows backend opened off Windows");
        } catch (RegistryException expected) {
            // refused before anything Windows-specific is touched
        }
        System.out.println("probe done");
    }
}
