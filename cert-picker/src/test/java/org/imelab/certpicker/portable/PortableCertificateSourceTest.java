package org.imelab.certpicker.portable;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.imelab.certpicker.CertificateSource;
import org.imelab.certpicker.CertificateSourceContractTest;
import org.imelab.certpicker.StoreLocation;
import org.imelab.certpicker.Thumbprints;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The portable store passes the contract, writing through its own {@code add}. */
class PortableCertificateSourceTest extends CertificateSourceContractTest {
    @TempDir
    Path dir;
    PortableCertificateSource source;

    @BeforeEach
    void open() {
        source = new PortableCertificateSource(dir);
    }

    @Override
    protected CertificateSource source() {
        return source;
    }

    @Override
    protected List<StoreLocation> writableLocations() {
        return List.of(StoreLocation.LOCAL_MACHINE, StoreLocation.CURRENT_USER);
    }

    @Override
    protected void install(StoreLocation location, X509Certificate certificate, PrivateKey key) {
        source.add(location, certificate, key);
    }

    @Override
    protected void installWithoutKey(StoreLocation location, X509Certificate certificate) {
        source.addCertificate(location, certificate);
    }

    @Override
    protected void uninstall(StoreLocation location, X509Certificate certificate) {
        source.remove(location, Thumbprints.of(certificate));
    }
}
