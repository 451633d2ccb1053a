package org.imelab.registry.windows;

import java.util.Optional;
import org.imelab.registry.RegPath;
import org.imelab.registry.Registry;
import org.imelab.registry.RegistryContractTest;
import org.imelab.registry.RegistryException;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The shared contract on the real Windows registry, under throw-away keys. */
@EnabledOnOs(OS.WINDOWS)
class JnaRegistryContractTest extends RegistryContractTest {
    @Override
    protected Registry openRegistry() {
        return new JnaRegistry();
    }

    /** HKLM\SOFTWARE needs elevation: without it the 32-bit view tests are skipped, not failed. */
    @Override
    protected Optional<RegPath> machineSoftwareRoot() {
        RegPath key = super.machineSoftwareRoot().orElseThrow();
        try (JnaRegistry probe = new JnaRegistry()) {
            probe.createKey(key);
            probe.deleteTree(key);
            return Optional.of(key);
        } catch (RegistryException e) {
            return Optional.empty();
        }
    }
}
