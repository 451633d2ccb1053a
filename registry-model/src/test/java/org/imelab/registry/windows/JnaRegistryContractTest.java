package org.imelab.registry.windows;

import java.util.Optional;
import java.util.UUID;
import org.imelab.registry.RegPath;
import org.imelab.registry.Registry;
import org.imelab.registry.RegistryContractTest;
import org.imelab.registry.RegistryException;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The shared contract on the real Windows registry, under throw-away HKCU\Software\imelab-test-{uuid} keys. */
@EnabledOnOs(OS.WINDOWS)
class JnaRegistryContractTest extends RegistryContractTest {
    @Override
    protected Registry openRegistry() {
        return new JnaRegistry();
    }

    @Override
    protected RegPath testRoot() {
        return RegPath.parse("HKCU\\Software\\imelab-test-" + UUID.randomUUID());
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
            if (e.win32Error() != RegistryException.ERROR_ACCESS_DENIED) {
                throw e; // a real failure, not a missing elevation
            }
            return Optional.empty();
        }
    }
}
