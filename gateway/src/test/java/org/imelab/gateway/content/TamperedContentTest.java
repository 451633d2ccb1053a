package org.imelab.gateway.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Altered downloads and hostile zips are refused, with the right error and nothing left behind. */
class TamperedContentTest {
    @TempDir
    Path tmp;

    private record Encrypted(Path file, EncryptionInfo keys) {
    }

    private Encrypted encrypt(Path plaintextZip) throws IOException {
        Path enc = tmp.resolve(plaintextZip.getFileName() + ".bin");
        return new Encrypted(enc, new ContentEncryptor().encrypt(plaintextZip, enc));
    }

    private Path zip(String name, Map<String, String> entries) throws IOException {
        Path z = tmp.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z))) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue().getBytes());
                out.closeEntry();
            }
        }
        return z;
    }

    private static List<Path> listAll(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).toList();
        }
    }

    @Test
    void aFlippedCiphertextByteIsAnHmacMismatchAndWritesNothing() throws Exception {
        Encrypted e = encrypt(zip("ok.zip", Map.of("setup.exe", "x".repeat(5000))));
        byte[] b = Files.readAllBytes(e.file());
        b[100] ^= 1;
        Files.write(e.file(), b);
        Path out = tmp.resolve("stage/plain.zip");
        HmacMismatchException ex = assertThrows(HmacMismatchException.class,
                () -> new ContentDecryptor().decrypt(e.file(), e.keys(), out));
        assertEquals(ContentException.Reason.HMAC_MISMATCH, ex.reason());
        assertEquals(List.of(), listAll(tmp.resolve("stage")), "no plaintext, no temporary file");
    }

    @Test
    void aFlippedByteDeepInALargePackageIsCaughtAndThePlaintextAlreadyStreamedIsDeleted() throws Exception {
        // several 1 MiB reads and 16 KiB crypto slices: the flip sits mid-slice in the third MiB
        byte[] data = new byte[3 * (1 << 20) + 12345];
        new java.util.Random(3).nextBytes(data);
        Path plain = Files.write(tmp.resolve("big.zip"), data);
        Encrypted e = encrypt(plain);
        byte[] b = Files.readAllBytes(e.file());
        b[48 + 2 * (1 << 20) + 40000] ^= (byte) 0x80;
        Files.write(e.file(), b);
        Path out = tmp.resolve("stage/plain.zip");
        assertThrows(HmacMismatchException.class, () -> new ContentDecryptor().decrypt(e.file(), e.keys(), out));
        assertEquals(List.of(), listAll(tmp.resolve("stage")), "the staging file is gone");

        b[48 + 2 * (1 << 20) + 40000] ^= (byte) 0x80;
        Files.write(e.file(), b);
        DecryptedContent ok = new ContentDecryptor().decrypt(e.file(), e.keys(), out);
        assertEquals(data.length, ok.size());
        org.junit.jupiter.api.Assertions.assertArrayEquals(data, Files.readAllBytes(out));
    }

    @Test
    void aReplacedHeaderMacOrATruncatedFileIsAnHmacMismatch() throws Exception {
        Encrypted e = encrypt(zip("ok.zip", Map.of("setup.exe", "y".repeat(100))));
        byte[] b = Files.readAllBytes(e.file());
        b[0] ^= 1;
        Files.write(e.file(), b);
        assertThrows(HmacMismatchException.class, () -> new ContentDecryptor().decrypt(e.file(), e.keys(), tmp.resolve("p1.zip")));

        Encrypted f = encrypt(zip("ok2.zip", Map.of("setup.exe", "y".repeat(100))));
        byte[] c = Files.readAllBytes(f.file());
        Files.write(f.file(), java.util.Arrays.copyOf(c, c.length - 16));
        assertThrows(HmacMismatchException.class, () -> new ContentDecryptor().decrypt(f.file(), f.keys(), tmp.resolve("p2.zip")));

        Files.write(f.file(), java.util.Arrays.copyOf(c, 20));
        assertThrows(IntuneWinFormatException.class, () -> new ContentDecryptor().decrypt(f.file(), f.keys(), tmp.resolve("p3.zip")));
        assertFalse(Files.exists(tmp.resolve("p1.zip")) || Files.exists(tmp.resolve("p2.zip")) || Files.exists(tmp.resolve("p3.zip")));
    }

    @Test
    void aWrongFileDigestIsADigestMismatchAndWritesNothing() throws Exception {
        Encrypted e = encrypt(zip("ok.zip", Map.of("setup.exe", "z".repeat(3000))));
        EncryptionInfo k = e.keys();
        byte[] digest = k.fileDigest();
        digest[5] ^= 1;
        EncryptionInfo wrong = new EncryptionInfo(k.encryptionKey(), k.macKey(), k.initializationVector(), k.mac(),
                k.profileIdentifier(), digest, k.fileDigestAlgorithm());
        Path out = tmp.resolve("stage/plain.zip");
        DigestMismatchException ex = assertThrows(DigestMismatchException.class,
                () -> new ContentDecryptor().decrypt(e.file(), wrong, out));
        assertEquals(ContentException.Reason.DIGEST_MISMATCH, ex.reason());
        assertEquals(List.of(), listAll(tmp.resolve("stage")));
    }

    @Test
    void aMacThatMatchesTheFileButNotTheServicesValueIsRefused() throws Exception {
        Encrypted e = encrypt(zip("ok.zip", Map.of("a", "b")));
        EncryptionInfo k = e.keys();
        byte[] mac = k.mac();
        mac[0] ^= 1;
        EncryptionInfo other = new EncryptionInfo(k.encryptionKey(), k.macKey(), k.initializationVector(), mac,
                k.profileIdentifier(), k.fileDigest(), k.fileDigestAlgorithm());
        assertThrows(HmacMismatchException.class, () -> new ContentDecryptor().decrypt(e.file(), other, tmp.resolve("p.zip")));
    }

    @Test
    void aWrongEncryptionKeyWithTheRightMacIsRefusedWithoutOutput() throws Exception {
        Encrypted e = encrypt(zip("ok.zip", Map.of("setup.exe", "w".repeat(4000))));
        EncryptionInfo k = e.keys();
        byte[] key = k.encryptionKey();
        key[0] ^= 1;
        EncryptionInfo wrong = new EncryptionInfo(key, k.macKey(), k.initializationVector(), k.mac(),
                k.profileIdentifier(), k.fileDigest(), k.fileDigestAlgorithm());
        ContentException ex = assertThrows(ContentException.class,
                () -> new ContentDecryptor().decrypt(e.file(), wrong, tmp.resolve("stage/p.zip")));
        assertTrue(ex.reason() == ContentException.Reason.BAD_FORMAT || ex.reason() == ContentException.Reason.DIGEST_MISMATCH);
        assertEquals(List.of(), listAll(tmp.resolve("stage")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.txt", "sub/../../evil.txt", "..\\evil.txt", "/tmp/evil.txt", "\\evil.txt",
            "C:/Windows/evil.txt", "c:evil.txt", "sub/file.txt:stream"})
    void anEscapingEntryIsRefusedAfterAValidDecryptAndNothingIsWritten(String name) throws Exception {
        Path plainZip = zip("evil.zip", java.util.LinkedHashMap.newLinkedHashMap(2));
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(plainZip))) {
            out.putNextEntry(new ZipEntry("setup.exe"));
            out.write("fine".getBytes());
            out.closeEntry();
            out.putNextEntry(new ZipEntry(name));
            out.write("evil".getBytes());
            out.closeEntry();
        }
        Encrypted e = encrypt(plainZip);
        DecryptedContent plain = new ContentDecryptor().decrypt(e.file(), e.keys(), tmp.resolve("verified.zip"));
        Path target = tmp.resolve("IMECache/app_1");
        PathEscapeException ex = assertThrows(PathEscapeException.class, () -> new SafeUnzipper().unpack(plain.zip(), target));
        assertEquals(ContentException.Reason.PATH_ESCAPE, ex.reason());
        assertEquals(name, ex.entryName());
        assertEquals(List.of(), listAll(target), "not even the harmless entry is written");
        assertFalse(Files.exists(tmp.resolve("evil.txt")));
        assertFalse(Files.exists(tmp.resolve("IMECache/evil.txt")));
    }

    @Test
    void aSymbolicLinkEntryIsRefused() throws Exception {
        Path z = zip("link.zip", java.util.LinkedHashMap.newLinkedHashMap(2));
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z))) {
            out.putNextEntry(new ZipEntry("setup.exe"));
            out.write("fine".getBytes());
            out.closeEntry();
            out.putNextEntry(new ZipEntry("link"));
            out.write("/etc".getBytes()); // a link's data is its target
            out.closeEntry();
        }
        markAsUnixSymlink(z, "link");
        Path target = tmp.resolve("app");
        PathEscapeException ex = assertThrows(PathEscapeException.class, () -> new SafeUnzipper().unpack(z, target));
        assertEquals("link", ex.entryName());
        assertEquals(List.of(), listAll(target));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aLinkPlantedInTheTargetIsNotFollowed() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path target = Files.createDirectories(tmp.resolve("app"));
        Files.createSymbolicLink(target.resolve("sub"), outside);
        Path z = zip("ok.zip", Map.of("sub/file.txt", "data"));
        assertThrows(PathEscapeException.class, () -> new SafeUnzipper().unpack(z, target));
        assertEquals(List.of(), listAll(outside));

        Files.createSymbolicLink(target.resolve("setup.exe"), outside.resolve("victim"));
        Path z2 = zip("ok2.zip", Map.of("setup.exe", "data"));
        assertThrows(PathEscapeException.class, () -> new SafeUnzipper().unpack(z2, target));
        assertFalse(Files.exists(outside.resolve("victim")));
    }

    @Test
    void notAZipIsAFormatError() throws Exception {
        Path notZip = Files.writeString(tmp.resolve("x.zip"), "plain text, not a zip at all");
        assertThrows(IntuneWinFormatException.class, () -> new SafeUnzipper().unpack(notZip, tmp.resolve("app")));
        assertThrows(IntuneWinFormatException.class, () -> IntuneWinPackage.open(notZip));
    }

    /** Rewrites the central directory entry of {@code name} as made on Unix with mode lrwxrwxrwx. */
    static void markAsUnixSymlink(Path zip, String name) throws IOException {
        byte[] b = Files.readAllBytes(zip);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        List<Integer> hits = new ArrayList<>();
        for (int i = 0; i + 46 < b.length; i++) {
            if (buf.getInt(i) == 0x02014b50) {
                int nameLen = buf.getShort(i + 28) & 0xffff;
                if (new String(b, i + 46, nameLen).equals(name)) {
                    hits.add(i);
                }
            }
        }
        assertEquals(1, hits.size());
        int at = hits.get(0);
        buf.putShort(at + 4, (short) 0x0314);
        buf.putInt(at + 38, 0120777 << 16);
        try (OutputStream out = Files.newOutputStream(zip)) {
            out.write(b);
        }
    }
}
