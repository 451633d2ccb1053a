package org.imelab.certpicker.windows;

import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import org.imelab.certpicker.CertificateSource;
import org.imelab.certpicker.CertificateSourceContractTest;
import org.imelab.certpicker.StoreLocation;
import org.imelab.certpicker.Thumbprints;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The Crypt32 source passes the same contract against the real {@code CurrentUser\My} store:
 * certificates go in and out through SunMSCAPI (a different code path from the one under test),
 * under a unique alias, and are removed after each test.
 */
@EnabledOnOs(OS.WINDOWS)
class Crypt32CertificateSourceTest extends CertificateSourceContractTest {
    private final Crypt32CertificateSource source = new Crypt32CertificateSource();

    @Override
    protected CertificateSource source() {
        return source;
    }

    /** LocalMachine\My needs elevation to write; CurrentUser\My is enough to hold the contract. */
    @Override
    protected List<StoreLocation> writableLocations() {
        return List.of(StoreLocation.CURRENT_USER);
    }

    @Override
    protected void install(StoreLocation location, X509Certificate certificate, PrivateKey key) throws Exception {
        KeyStore ks = open(location);
        ks.setKeyEntry(alias(certificate), key, null, new Certificate[] {certificate});
    }

    @Override
    protected void installWithoutKey(StoreLocation location, X509Certificate certificate) throws Exception {
        KeyStore ks = open(location);
        ks.setCertificateEntry(alias(certificate), certificate);
    }

    @Override
    protected void uninstall(StoreLocation location, X509Certificate certificate) throws Exception {
        KeyStore ks = open(location);
        String t = Thumbprints.of(certificate);
        for (String a : Collections.list(ks.aliases())) {
            if (ks.getCertificate(a) instanceof X509Certificate c && Thumbprints.of(c).equals(t)) {
                ks.deleteEntry(a); // also deletes the key container SunMSCAPI created
            }
        }
    }

    private static KeyStore open(StoreLocation location) throws Exception {
        KeyStore ks = KeyStore.getInstance(Crypt32CertificateSource.mscapiKeyStoreType(location));
        ks.load(null, null);
        return ks;
    }

    private static String alias(X509Certificate c) {
        return "imelab-test-" + Thumbprints.of(c);
    }
}
