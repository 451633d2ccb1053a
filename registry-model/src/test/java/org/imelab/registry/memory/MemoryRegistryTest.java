package org.imelab.registry.memory;

import org.imelab.registry.Registry;
import org.imelab.registry.RegistryContractTest;

class MemoryRegistryTest extends RegistryContractTest {
    @Override
    protected Registry openRegistry() {
        return new MemoryRegistry();
    }
}
