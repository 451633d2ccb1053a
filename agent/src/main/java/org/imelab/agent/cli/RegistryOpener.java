package org.imelab.agent.cli;

import java.io.IOException;
import org.imelab.agent.DataHome;
import org.imelab.registry.Registry;

/** Opens the registry a command works on; chosen once, by the root command. */
@FunctionalInterface
public interface RegistryOpener {
    Registry open(DataHome home) throws IOException;
}
