package org.imelab.gateway.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MsiInspectorTest {
    @TempDir
    Path tmp;

    static Path sampleMsi(Path dir) throws Exception {
        Path msi = dir.resolve("imelab-sample-1.2.3.msi");
        try (InputStream in = MsiInspectorTest.class.getResourceAsStream("/msi/imelab-sample-1.2.3.msi")) {
            Files.copy(in, msi);
        }
        return msi;
    }

    @Test
    void readsPropertiesAndPackageCodeOfARealMsi() throws Exception {
        MsiInspector.MsiProduct p = new MsiInspector().inspect(sampleMsi(tmp)).orElseThrow();
        assertEquals("imelab Sample App", p.productName());
        MsiInfo m = p.info();
        assertEquals("{3F2504E0-4F89-11D3-9A0C-0305E82C3301}", m.productCode());
        assertEquals("1.2.3", m.productVersion());
        assertEquals("{6BA7B810-9DAD-11D1-80B4-00C04FD430C8}", m.upgradeCode());
        assertEquals("{70C68BE2-853C-43B8-A5B1-DC93748AC9EF}", m.packageCode());
        assertEquals("imelab test", m.publisher());
        assertEquals("System", m.executionContext());
        assertTrue(m.isMachineInstall());
        assertFalse(m.isUserInstall());
        assertFalse(m.requiresLogon());
        assertTrue(m.containsSystemRegistryKeys()); // HKLM\Software\imelab\Sample
        assertFalse(m.includesServices());
        assertFalse(m.containsSystemFolders());
    }

    @Test
    void refusesAFileThatIsNotAnMsi() throws Exception {
        Path notMsi = Files.writeString(tmp.resolve("x.msi"), "MZ not really");
        assertThrows(IntuneWinFormatException.class, () -> new MsiInspector().inspect(notMsi));
    }

    @Test
    void decodesMsiStreamNames() {
        // "!Property" as Windows Installer stores it
        String raw = "\u4840\u4559\u44f2\u4568\u4737";
        assertEquals("!Property", MsiInspector.decodeStreamName(raw));
    }
}
