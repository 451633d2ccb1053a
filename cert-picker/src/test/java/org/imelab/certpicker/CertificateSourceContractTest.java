package org.imelab.certpicker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.imelab.certpicker.mdm.IntuneExtensions;
import org.imelab.certpicker.testing.TestPki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CertificateSource} must do. Subclasses install certificates their own way
 * (files, or SunMSCAPI into the real Windows store) and the same assertions run against them.
 * Stores on a real machine hold other certificates too, so every assertion is about the
 * certificates this test installed.
 */
public abstract class CertificateSourceContractTest {
    private record Installed(StoreLocation location, X509Certificate certificate) {
    }

    private final List<Installed> installed = new ArrayList<>();
    protected final TestPki pki = TestPki.get();
    protected final Instant now = Instant.now();

    protected abstract CertificateSource source();

    /** The locations this test may write to; the first is used when one is enough. */
    protected abstract List<StoreLocation> writableLocations();

    protected abstract void install(StoreLocation location, X509Certificate certificate, PrivateKey key) throws Exception;

    protected abstract void installWithoutKey(StoreLocation location, X509Certificate certificate) throws Exception;

    protected abstract void uninstall(StoreLocation location, X509Certificate certificate) throws Exception;

    @AfterEach
    void removeInstalled() throws Exception {
        for (Installed i : installed) {
            uninstall(i.location, i.certificate);
        }
        installed.clear();
    }

    private TestPki.Issued withKey(StoreLocation location) throws Exception {
        TestPki.Issued c = pki.mdm(UUID.randomUUID(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        install(location, c.certificate(), c.privateKey());
        installed.add(new Installed(location, c.certificate()));
        return c;
    }

    private TestPki.Issued withoutKey(StoreLocation location) throws Exception {
        TestPki.Issued c = pki.mdm(UUID.randomUUID(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        installWithoutKey(location, c.certificate());
        installed.add(new Installed(location, c.certificate()));
        return c;
    }

    private Optional<CertificateCandidate> listed(StoreLocation location, X509Certificate cert) {
        String t = Thumbprints.of(cert);
        return source().list(location).stream().filter(c -> c.thumbprint().equals(t)).findFirst();
    }

    @Test
    void listsAnInstalledCertificateWithItsKey() throws Exception {
        StoreLocation location = writableLocations().get(0);
        TestPki.Issued c = withKey(location);
        CertificateCandidate found = listed(location, c.certificate()).orElseThrow();
        assertEquals(c.certificate(), found.certificate());
        assertEquals(Thumbprints.of(c.certificate()), found.thumbprint());
        assertEquals(location, found.location());
        assertTrue(found.hasPrivateKey());
    }

    @Test
    void listsACertificateWithoutKeyAsKeyless() throws Exception {
        StoreLocation location = writableLocations().get(0);
        TestPki.Issued c = withoutKey(location);
        CertificateCandidate found = listed(location, c.certificate()).orElseThrow();
        assertFalse(found.hasPrivateKey());
        assertEquals(Optional.empty(), source().privateKeyEntry(found));
    }

    @Test
    void keepsTheIntuneExtensions() throws Exception {
        StoreLocation location = writableLocations().get(0);
        TestPki.Issued c = withKey(location);
        CertificateCandidate found = listed(location, c.certificate()).orElseThrow();
        assertEquals(IntuneExtensions.decode(c.certificate()), IntuneExtensions.decode(found.certificate()));
    }

    @Test
    void findsByThumbprintInAnyCase() throws Exception {
        StoreLocation location = writableLocations().get(0);
        TestPki.Issued c = withKey(location);
        String lower = Thumbprints.of(c.certificate()).toLowerCase(Locale.ROOT);
        assertEquals(c.certificate(), source().find(location, lower).orElseThrow().certificate());
        assertEquals(Optional.empty(), source().find(location, "00".repeat(20)));
    }

    @Test
    void locationsAreSeparate() throws Exception {
        if (writableLocations().size() < 2) {
            return; // only one location writable here (CurrentUser on a non-elevated Windows test run)
        }
        TestPki.Issued c = withKey(StoreLocation.LOCAL_MACHINE);
        assertTrue(listed(StoreLocation.LOCAL_MACHINE, c.certificate()).isPresent());
        assertEquals(Optional.empty(), listed(StoreLocation.CURRENT_USER, c.certificate()));
        assertEquals(Optional.empty(), source().find(StoreLocation.CURRENT_USER, Thumbprints.of(c.certificate())));
        TestPki.Issued u = withKey(StoreLocation.CURRENT_USER);
        List<String> all = source().listAll().stream().map(CertificateCandidate::thumbprint).toList();
        assertTrue(all.indexOf(Thumbprints.of(c.certificate())) < all.indexOf(Thumbprints.of(u.certificate())),
                "LocalMachine is listed first");
    }

    @Test
    void anUninstalledCertificateIsGone() throws Exception {
        StoreLocation location = writableLocations().get(0);
        TestPki.Issued c = withKey(location);
        uninstall(location, c.certificate());
        installed.clear();
        assertEquals(Optional.empty(), listed(location, c.certificate()));
        assertEquals(Optional.empty(), source().find(location, Thumbprints.of(c.certificate())));
    }

    @Test
    void thePrivateKeySignsForTheCertificate() throws Exception {
        StoreLocation location = writableLocations().get(0);
        TestPki.Issued c = withKey(location);
        CertificateCandidate found = listed(location, c.certificate()).orElseThrow();
        KeyStore.PrivateKeyEntry entry = source().privateKeyEntry(found).orElseThrow();
        assertEquals(c.certificate(), entry.getCertificate());
        byte[] data = "imelab contract".getBytes(StandardCharsets.US_ASCII);
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(entry.getPrivateKey());
        s.update(data);
        byte[] sig = s.sign();
        Signature v = Signature.getInstance("SHA256withRSA");
        v.initVerify(c.certificate().getPublicKey());
        v.update(data);
        assertTrue(v.verify(sig));
    }
}
