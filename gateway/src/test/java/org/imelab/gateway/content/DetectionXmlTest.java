package org.imelab.gateway.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DetectionXmlTest {

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = DetectionXmlTest.class.getResourceAsStream("/real-artefacts/intunewin/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsTheIntuneWinAppUtilFixture() throws Exception {
        ApplicationInfo info = DetectionXml.read(fixture("wingetintune-azure-cli-2.51.0-Detection.xml"));
        assertEquals("1.8.4.0", info.toolVersion());
        assertEquals("Microsoft Azure CLI (32-bit)", info.name());
        assertEquals(49718336L, info.unencryptedContentSize());
        assertEquals("IntunePackage.intunewin", info.fileName());
        assertFalse(info.fileNameIsPath());
        assertEquals("azure-cli-2.51.0.msi", info.setupFile());
        EncryptionInfo e = info.encryptionInfo();
        assertArrayEquals(Base64.getDecoder().decode("zItIfv4tKhpfVFEAHQRJBNPHWe1y0HbHIksD5VNwscg="), e.encryptionKey());
        assertArrayEquals(Base64.getDecoder().decode("mPxbxFv1PeGxMHmsUYTLJw=="), e.initializationVector());
        assertEquals("ProfileVersion1", e.profileIdentifier());
        assertEquals("SHA256", e.fileDigestAlgorithm());
        e.requireSupported();
        MsiInfo m = info.msiInfo().orElseThrow();
        assertEquals("{89E4C65D-96DD-435B-9BBB-EF1EAEF5B738}", m.productCode());
        assertEquals("2.51.0", m.productVersion());
        assertEquals("System", m.executionContext());
        assertTrue(m.isMachineInstall());
        assertTrue(m.containsSystemRegistryKeys());
        assertFalse(m.includesServices());
        assertEquals("Microsoft Corporation", m.publisher());
    }

    @Test
    void acceptsTheThirdPartyFixtureWithAnAbsolutePathInFileName() throws Exception {
        ApplicationInfo info = DetectionXml.read(fixture("intunewinlib-nodejs-22.13.1-Detection.xml"));
        assertEquals("1.8.5.0", info.toolVersion());
        assertTrue(info.fileNameIsPath());
        assertEquals("ec36aba5-4678-4c9c-9c42-3e9bf357d8d6.intunewin.intunewin", info.contentFileName());
        assertEquals("22.13.1", info.msiInfo().orElseThrow().productVersion());
        info.encryptionInfo().requireSupported();
    }

    @Test
    void writesWhatTheRealToolWritesForTheSameData() throws Exception {
        byte[] real = fixture("wingetintune-azure-cli-2.51.0-Detection.xml");
        ApplicationInfo info = DetectionXml.read(real);
        String ours = new String(DetectionXml.write(info), StandardCharsets.UTF_8);
        // the fixture was stored with LF line ends and a final newline; the tool writes CRLF, none at the end
        String expected = new String(real, StandardCharsets.UTF_8).strip().replace("\n", "\r\n");
        assertEquals(expected, ours);
        assertEquals(info, DetectionXml.read(ours.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void leavesMsiInfoOutForOtherSetupFilesAndEscapesText() throws Exception {
        ApplicationInfo base = DetectionXml.read(fixture("wingetintune-azure-cli-2.51.0-Detection.xml"));
        ApplicationInfo exe = new ApplicationInfo("1.8.4.0", "Tom & Jerry <setup>", null, 10, "IntunePackage.intunewin",
                "setup.exe", base.encryptionInfo(), java.util.Optional.empty());
        String xml = new String(DetectionXml.write(exe), StandardCharsets.UTF_8);
        assertFalse(xml.contains("MsiInfo"));
        assertFalse(xml.contains("<Description>"));
        assertTrue(xml.contains("<Name>Tom &amp; Jerry &lt;setup&gt;</Name>"));
        assertEquals(exe, DetectionXml.read(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusesBrokenDocumentsWithTheElementNamed() {
        assertMessage("<ApplicationInfo><Name>x</Name></ApplicationInfo>", "<EncryptionInfo> is missing");
        assertMessage("<Foo/>", "root element is <Foo>");
        assertMessage("<ApplicationInfo", "not well-formed");
        assertMessage("<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><ApplicationInfo>&x;</ApplicationInfo>",
                "not well-formed");
        String noKey = """
                <ApplicationInfo><UnencryptedContentSize>1</UnencryptedContentSize><FileName>a</FileName>
                <SetupFile>s.exe</SetupFile><EncryptionInfo><EncryptionKey>@@@</EncryptionKey></EncryptionInfo></ApplicationInfo>""";
        assertMessage(noKey, "<EncryptionKey> is not Base64");
    }

    @Test
    void refusesUnsupportedProfilesAndWrongKeyLengths() throws Exception {
        EncryptionInfo ok = DetectionXml.read(fixture("wingetintune-azure-cli-2.51.0-Detection.xml")).encryptionInfo();
        EncryptionInfo noEncryption = new EncryptionInfo(ok.encryptionKey(), ok.macKey(), ok.initializationVector(),
                ok.mac(), "NoEncryption", ok.fileDigest(), "SHA256");
        assertTrue(assertThrows(IntuneWinFormatException.class, noEncryption::requireSupported)
                .getMessage().contains("NoEncryption"));
        EncryptionInfo shortKey = new EncryptionInfo(new byte[16], ok.macKey(), ok.initializationVector(),
                ok.mac(), "ProfileVersion1", ok.fileDigest(), "SHA256");
        assertTrue(assertThrows(IntuneWinFormatException.class, shortKey::requireSupported)
                .getMessage().contains("EncryptionKey must be 32 bytes"));
        assertFalse(ok.toString().contains(Base64.getEncoder().encodeToString(ok.encryptionKey())));
    }

    private static void assertMessage(String xml, String part) {
        IntuneWinFormatException e = assertThrows(IntuneWinFormatException.class,
                () -> DetectionXml.read(xml.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
