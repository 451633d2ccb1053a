package org.imelab.certpicker.portable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.imelab.certpicker.CertificateCandidate;
import org.imelab.certpicker.CertificateFiles;
import org.imelab.certpicker.StoreLocation;
import org.imelab.certpicker.Thumbprints;
import org.imelab.certpicker.testing.TestPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file forms the portable store reads, and how it treats bad input. */
class PortableStoreFormatsTest {
    @TempDir
    Path dir;
    PortableCertificateSource store;
    Path my;
    final TestPki pki = TestPki.get();
    final Instant now = Instant.now();
    TestPki.Issued a;
    TestPki.Issued b;

    @BeforeEach
    void setUp() throws IOException {
        store = new PortableCertificateSource(dir);
        my = store.directory(StoreLocation.LOCAL_MACHINE);
        Files.createDirectories(my);
        a = pki.mdm(UUID.randomUUID(), UUID.randomUUID(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(9)), 0);
        b = pki.mdm(UUID.randomUUID(), UUID.randomUUID(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(9)), 1);
    }

    @Test
    void layoutIsLocationThenMy() {
        assertEquals(dir.resolve("LocalMachine").resolve("My"), store.directory(StoreLocation.LOCAL_MACHINE));
        assertEquals(dir.resolve("CurrentUser").resolve("My"), store.directory(StoreLocation.CURRENT_USER));
        assertEquals(List.of(), store.list(StoreLocation.CURRENT_USER), "a missing folder is an empty store");
    }

    @Test
    void addWritesThumbprintNamedFilesWithAnOwnerOnlyKey() throws IOException {
        store.add(StoreLocation.LOCAL_MACHINE, a.certificate(), a.privateKey());
        String t = Thumbprints.of(a.certificate());
        assertTrue(Files.isRegularFile(my.resolve(t + ".crt")));
        assertTrue(Files.isRegularFile(my.resolve(t + ".key")));
        try (var files = Files.list(my)) {
            assertEquals(2, files.count(), "no temporary files left behind");
        }
        if (Files.getFileStore(my).supportsFileAttributeView("posix")) {
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(my.resolve(t + ".key")));
        }
        assertTrue(Files.readString(my.resolve(t + ".crt")).startsWith("-----BEGIN CERTIFICATE-----"));
    }

    @Test
    void addRefusesAKeyOfAnotherCertificateAndWritesNothing() {
        TestPki.Issued other = pki.mdm(UUID.randomUUID(), UUID.randomUUID(), now, now.plus(Duration.ofDays(1)), 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store.add(StoreLocation.LOCAL_MACHINE, a.certificate(), other.privateKey()));
        assertTrue(e.getMessage().contains("does not belong"), e.getMessage());
        assertEquals(List.of(), store.list(StoreLocation.LOCAL_MACHINE));
    }

    @Test
    void addingTheKeyLaterTurnsAKeylessCertificateIntoAUsableOne() {
        store.addCertificate(StoreLocation.LOCAL_MACHINE, a.certificate());
        assertFalse(store.list(StoreLocation.LOCAL_MACHINE).get(0).hasPrivateKey());
        store.add(StoreLocation.LOCAL_MACHINE, a.certificate(), a.privateKey());
        List<CertificateCandidate> listed = store.list(StoreLocation.LOCAL_MACHINE);
        assertEquals(1, listed.size());
        assertTrue(listed.get(0).hasPrivateKey());
        assertTrue(store.privateKeyEntry(listed.get(0)).isPresent());
    }

    @Test
    void readsPemWithTheKeyInsideDerWithAKeyFileAndPasswordlessPkcs12() throws Exception {
        Files.writeString(my.resolve("combined.pem"),
                "Bag Attributes: as openssl pkcs12 writes them\n" + CertificateFiles.pem(a.certificate())
                        + CertificateFiles.pem(a.privateKey()), StandardCharsets.US_ASCII);
        Files.write(my.resolve("device.cer"), b.certificate().getEncoded());
        Files.writeString(my.resolve("device.key"), CertificateFiles.pem(b.privateKey()), StandardCharsets.US_ASCII);
        TestPki.Issued c = pki.mdm(UUID.randomUUID(), UUID.randomUUID(), now, now.plus(Duration.ofDays(1)), 2);
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        p12.load(null, null);
        p12.setKeyEntry("mdm", c.privateKey(), new char[0], new Certificate[] {c.certificate(), pki.ca});
        try (OutputStream out = Files.newOutputStream(my.resolve("exported.pfx"))) {
            p12.store(out, new char[0]);
        }

        List<CertificateCandidate> listed = store.list(StoreLocation.LOCAL_MACHINE);
        assertEquals(3, listed.size(), listed.toString());
        for (CertificateCandidate cand : listed) {
            assertTrue(cand.hasPrivateKey(), cand.thumbprint());
            KeyStore.PrivateKeyEntry entry = store.privateKeyEntry(cand).orElseThrow();
            assertEquals(cand.certificate(), entry.getCertificate());
        }
        CertificateCandidate fromPfx = listed.stream()
                .filter(x -> x.thumbprint().equals(Thumbprints.of(c.certificate()))).findFirst().orElseThrow();
        assertEquals(2, store.privateKeyEntry(fromPfx).orElseThrow().getCertificateChain().length, "chain kept");
    }

    @Test
    void unreadableFilesAreSkippedAndDoNotHideTheRest() throws IOException {
        store.add(StoreLocation.LOCAL_MACHINE, a.certificate(), a.privateKey());
        Files.writeString(my.resolve("broken.crt"), "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n");
        Files.write(my.resolve("garbage.der"), new byte[] {0x30, 0x03, 0x01, 0x02});
        Files.writeString(my.resolve("notes.txt"), "ignored");
        Files.writeString(my.resolve(".tmp-123.part"), "half written");
        List<CertificateCandidate> listed = store.list(StoreLocation.LOCAL_MACHINE);
        assertEquals(List.of(Thumbprints.of(a.certificate())), listed.stream().map(CertificateCandidate::thumbprint).toList());
    }

    @Test
    void aKeyFileThatDoesNotMatchGivesNoKeyEntry() throws IOException {
        store.add(StoreLocation.LOCAL_MACHINE, a.certificate(), a.privateKey());
        Path key = my.resolve(Thumbprints.of(a.certificate()) + ".key");
        Files.writeString(key, CertificateFiles.pem(b.privateKey()));
        CertificateCandidate cand = store.list(StoreLocation.LOCAL_MACHINE).get(0);
        assertTrue(cand.hasPrivateKey(), "a key file is there");
        assertEquals(java.util.Optional.empty(), store.privateKeyEntry(cand), "but it is not this certificate's key");
    }

    @Test
    void encryptedKeysAreRefusedWithAClearMessage() throws Exception {
        var encryptor = new org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder(
                org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC).setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).setPassword("pw".toCharArray()).build();
        String encrypted = CertificateFiles.pem(
                new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(a.privateKey(), encryptor));
        assertTrue(encrypted.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        IOException e = assertThrows(IOException.class,
                () -> CertificateFiles.readPrivateKey(encrypted.getBytes(StandardCharsets.US_ASCII), "k.key"));
        assertTrue(e.getMessage().contains("k.key") && e.getMessage().contains("encrypted"), e.getMessage());
    }

    @Test
    void removeDeletesBothFiles() throws IOException {
        store.add(StoreLocation.LOCAL_MACHINE, a.certificate(), a.privateKey());
        assertTrue(store.remove(StoreLocation.LOCAL_MACHINE, Thumbprints.of(a.certificate()).toLowerCase()));
        try (var files = Files.list(my)) {
            assertEquals(0, files.count());
        }
        assertFalse(store.remove(StoreLocation.LOCAL_MACHINE, Thumbprints.of(a.certificate())));
    }
}
