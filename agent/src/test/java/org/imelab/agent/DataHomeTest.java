package org.imelab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataHomeTest {

    @Test
    void optionBeatsEnvironmentBeatsUserHome() {
        assertEquals(Path.of("/a").toAbsolutePath(), DataHome.resolve(Path.of("/a"), Map.of("IMELAB_HOME", "/b"), "/u", "Linux").root());
        assertEquals(Path.of("/b"), DataHome.resolve(null, Map.of("IMELAB_HOME", "/b"), "/u", "Linux").root());
        DataHome home = DataHome.resolve(null, Map.of(), "/u", "Linux");
        assertEquals(Path.of("/u/.imelab"), home.root());
        assertEquals(Path.of("/u/.imelab/Logs"), home.logsDir());
        assertEquals(Path.of("/u/.imelab/IMECache"), home.imeCacheDir());
        assertEquals(Path.of("/u/.imelab/registry"), home.registryDir());
    }

    @Test
    void onWindowsTheDefaultsAreTheRealAgentsFolders() {
        DataHome home = DataHome.resolve(null, Map.of("ProgramData", "/pd", "SystemRoot", "/win"), "/u", "Windows 11");
        assertEquals(Path.of("/pd/Microsoft/IntuneManagementExtension/Logs"), home.logsDir());
        assertEquals(Path.of("/win/IMECache"), home.imeCacheDir());
        assertEquals(Path.of("/pd/imelab"), home.root());
    }

    @Test
    void anExplicitHomeOnWindowsIsASandbox() {
        DataHome home = DataHome.resolve(Path.of("/lab2"), Map.of("ProgramData", "/pd"), "/u", "Windows 11");
        assertEquals(Path.of("/lab2/Logs"), home.logsDir());
    }
}
