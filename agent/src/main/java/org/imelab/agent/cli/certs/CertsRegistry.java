package org.imelab.agent.cli.certs;

import java.io.PrintWriter;
import org.imelab.agent.DataHome;
import org.imelab.registry.Registry;
import org.imelab.registry.memory.MemoryRegistry;

/**
 * Opens the registry CertMetadata lives in. The registry factory ({@code org.imelab.registry.Registries})
 * is not on main yet; until it is, CertMetadata lives for the length of one command.
 */
final class CertsRegistry {
    private CertsRegistry() {
    }

    static Registry open(DataHome home, PrintWriter err) {
        err.println("imelab: no persistent registry backend yet; CertMetadata is kept for this command only.");
        err.flush();
        return new MemoryRegistry();
    }
}
