package org.imelab.gateway.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ContentRoundTripTest {
    @TempDir
    Path tmp;

    static Path sourceFolder(Path tmp) throws Exception {
        Path src = Files.createDirectories(tmp.resolve("source"));
        Files.writeString(src.resolve("install.sh"), "#!/bin/sh\necho installed\n");
        Files.createDirectories(src.resolve("payload/bin"));
        byte[] big = new byte[3 * 1024 * 1024 + 17]; // spans several 1 MiB chunks, not block aligned
        new Random(42).nextBytes(big);
        Files.write(src.resolve("payload/bin/tool.dat"), big);
        Files.createDirectories(src.resolve("empty"));
        return src;
    }

    @Test
    void packThenVerifyDecryptAndUnpackGivesBackTheSourceFolder() throws Exception {
        Path src = sourceFolder(tmp);
        IntuneWinPacker.Packed packed = new IntuneWinPacker().pack(src, Path.of("install.sh"), tmp.resolve("out"));

        assertEquals(tmp.resolve("out").toRealPath().resolve("install.intunewin"), packed.file());
        try (Stream<Path> s = Files.list(tmp.resolve("out"))) {
            assertEquals(List.of(packed.file()), s.toList(), "no temporary files left");
        }
        // the outer zip: two stored entries, Contents first
        try (ZipFile z = new ZipFile(packed.file().toFile())) {
            List<? extends ZipEntry> entries = Collections.list(z.entries());
            assertEquals(List.of("IntuneWinPackage/Contents/IntunePackage.intunewin",
                    "IntuneWinPackage/Metadata/Detection.xml"), entries.stream().map(ZipEntry::getName).toList());
            for (ZipEntry e : entries) {
                assertEquals(ZipEntry.STORED, e.getMethod());
            }
            String xml = new String(z.getInputStream(entries.get(1)).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(xml.startsWith("<ApplicationInfo xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\""), xml);
            assertTrue(xml.contains("<SetupFile>install.sh</SetupFile>"));
            assertTrue(xml.contains("<FileName>IntunePackage.intunewin</FileName>"));
        }

        Path cache = tmp.resolve("IMECache");
        try (IntuneWinPackage pkg = IntuneWinPackage.open(packed.file())) {
            ApplicationInfo info = pkg.info();
            assertEquals(packed.info(), info);
            assertEquals("install.sh", info.name());
            // layout: 32-byte MAC + 16-byte IV + ciphertext padded to 16
            long padded = (info.unencryptedContentSize() / 16 + 1) * 16;
            assertEquals(padded + 48, pkg.encryptedContentSize());
            Path bin = tmp.resolve("content.intunewin.bin");
            pkg.extractEncryptedContent(bin);
            byte[] head = Files.readAllBytes(bin);
            assertArrayEquals(info.encryptionInfo().mac(), java.util.Arrays.copyOfRange(head, 0, 32));
            assertArrayEquals(info.encryptionInfo().initializationVector(), java.util.Arrays.copyOfRange(head, 32, 48));

            DecryptedContent plain = new ContentDecryptor().decrypt(bin, info.encryptionInfo(), tmp.resolve("plain.zip"));
            assertEquals(info.unencryptedContentSize(), plain.size());
            assertArrayEquals(info.encryptionInfo().fileDigest(),
                    MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(plain.zip())));

            UnpackedContent unpacked = new SafeUnzipper().unpack(plain.zip(), cache.resolve("app_1"));
            assertEquals(2, unpacked.files().size());
        }
        Path app = cache.resolve("app_1");
        assertArrayEquals(Files.readAllBytes(src.resolve("payload/bin/tool.dat")),
                Files.readAllBytes(app.resolve("payload/bin/tool.dat")));
        assertEquals("#!/bin/sh\necho installed\n", Files.readString(app.resolve("install.sh")));
        assertTrue(Files.isDirectory(app.resolve("empty")));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void scriptsBecomeExecutableOffWindows() throws Exception {
        Path src = sourceFolder(tmp);
        IntuneWinPacker.Packed packed = new IntuneWinPacker().pack(src, Path.of("install.sh"), tmp.resolve("out"));
        Path plain = tmp.resolve("plain.zip");
        try (IntuneWinPackage pkg = IntuneWinPackage.open(packed.file()); InputStream in = pkg.openEncryptedContent()) {
            new ContentDecryptor().decrypt(in, pkg.info().encryptionInfo(), plain);
        }
        Path app = tmp.resolve("app");
        new SafeUnzipper().unpack(plain, app);
        assertTrue(Files.isExecutable(app.resolve("install.sh")));
        assertFalse(Files.isExecutable(app.resolve("payload/bin/tool.dat")));
    }

    @Test
    void anMsiSetupFileGetsItsMsiInfoAndName() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("msi"));
        MsiInspectorTest.sampleMsi(src);
        IntuneWinPacker.Packed packed = new IntuneWinPacker().pack(src, src.resolve("imelab-sample-1.2.3.msi"), tmp.resolve("out"));
        assertEquals("imelab-sample-1.2.3.intunewin", packed.file().getFileName().toString());
        try (IntuneWinPackage pkg = IntuneWinPackage.open(packed.file())) {
            assertEquals("imelab Sample App", pkg.info().name());
            assertEquals("{3F2504E0-4F89-11D3-9A0C-0305E82C3301}", pkg.info().msiInfo().orElseThrow().productCode());
        }
    }

    @Test
    void anOutputFolderInsideTheSourceIsNotPackedIntoItself() throws Exception {
        Path src = sourceFolder(tmp);
        Path out = src.resolve("out");
        new IntuneWinPacker().pack(src, Path.of("install.sh"), out);
        IntuneWinPacker.Packed again = new IntuneWinPacker().pack(src, Path.of("install.sh"), out);
        Path plain = tmp.resolve("plain.zip");
        try (IntuneWinPackage pkg = IntuneWinPackage.open(again.file()); InputStream in = pkg.openEncryptedContent()) {
            new ContentDecryptor().decrypt(in, pkg.info().encryptionInfo(), plain);
        }
        try (ZipFile z = new ZipFile(plain.toFile())) {
            assertTrue(z.stream().noneMatch(e -> e.getName().startsWith("out")));
        }
    }

    @Test
    void aThirdPartyPackageWithAnAbsoluteFileNameOpensByTheNamesLastSegment() throws Exception {
        Path src = sourceFolder(tmp);
        IntuneWinPacker.Packed packed = new IntuneWinPacker().pack(src, Path.of("install.sh"), tmp.resolve("out"));
        String leaf = "ec36aba5-4678-4c9c-9c42-3e9bf357d8d6.intunewin.intunewin";
        ApplicationInfo quirky;
        Path rebuilt = tmp.resolve("thirdparty.intunewin");
        try (IntuneWinPackage pkg = IntuneWinPackage.open(packed.file())) {
            ApplicationInfo i = pkg.info();
            quirky = new ApplicationInfo("1.8.5.0", i.name(), null, i.unencryptedContentSize(),
                    "C:\\Users\\someone\\AppData\\Local\\Temp\\11d0b34c\\" + leaf, i.setupFile(), i.encryptionInfo(),
                    i.msiInfo());
            try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(rebuilt));
                 InputStream content = pkg.openEncryptedContent()) {
                out.putNextEntry(new ZipEntry("IntuneWinPackage/Contents/" + leaf));
                content.transferTo(out);
                out.closeEntry();
                out.putNextEntry(new ZipEntry("IntuneWinPackage/Metadata/Detection.xml"));
                out.write(DetectionXml.write(quirky));
                out.closeEntry();
            }
        }
        try (IntuneWinPackage pkg = IntuneWinPackage.open(rebuilt); InputStream in = pkg.openEncryptedContent()) {
            assertTrue(pkg.info().fileNameIsPath());
            DecryptedContent plain = new ContentDecryptor().decrypt(in, pkg.info().encryptionInfo(), tmp.resolve("p.zip"));
            assertEquals(quirky.unencryptedContentSize(), plain.size());
        }
    }

    @Test
    void aPackageWithoutItsContentIsRefusedClearly() throws Exception {
        Path broken = tmp.resolve("broken.intunewin");
        byte[] xml = DetectionXmlTest.fixture("wingetintune-azure-cli-2.51.0-Detection.xml");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(broken))) {
            out.putNextEntry(new ZipEntry("IntuneWinPackage/Metadata/Detection.xml"));
            out.write(xml);
            out.closeEntry();
        }
        IntuneWinFormatException e = org.junit.jupiter.api.Assertions.assertThrows(IntuneWinFormatException.class,
                () -> IntuneWinPackage.open(broken));
        assertTrue(e.getMessage().contains("not found under IntuneWinPackage/Contents/"), e.getMessage());
    }
}
