package org.imelab.registry.file;

import java.nio.file.Path;
import org.imelab.registry.Registry;
import org.imelab.registry.RegistryContractTest;
import org.junit.jupiter.api.io.TempDir;

/** The contract, on a store that compacts often (every 4 KiB of journal) so snapshots are exercised too. */
class FileRegistryTest extends RegistryContractTest {
    @TempDir
    Path dir;

    @Override
    protected Registry openRegistry() {
        return new FileRegistry(dir, 4096);
    }
}
