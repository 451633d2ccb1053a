package org.imelab.agent.cli.reg;

import java.io.IOException;
import java.nio.file.Path;
import org.imelab.registry.RegPath;
import org.imelab.registry.Registry;
import org.imelab.registry.RegistryException;
import org.imelab.registry.RegistryView;

/** The .reg codec of registry-model, as the CLI uses it. */
final class RegFiles {
    private RegFiles() {
    }

    static void export(Registry registry, RegPath key, Path file) throws IOException {
        throw new RegistryException("reg export needs the .reg codec, which this build does not have yet");
    }

    static void importFile(Registry registry, Path file, RegistryView view) throws IOException {
        throw new RegistryException("reg import needs the .reg codec, which this build does not have yet");
    }
}
