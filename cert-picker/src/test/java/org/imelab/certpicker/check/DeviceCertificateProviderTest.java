package org.imelab.certpicker.check;

import static org.imelab.certpicker.StoreLocation.LOCAL_MACHINE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.imelab.certpicker.mdm.LabTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GetDeviceCertificate: cached for at most a day, then GetMDMCert again. */
class DeviceCertificateProviderTest {
    @TempDir
    Path dir;
    CheckerFixture f;
    DeviceCertificateProvider provider;

    @BeforeEach
    void setUp() {
        f = new CheckerFixture(dir);
        provider = new DeviceCertificateProvider(f.picker(), f.clock, f.log);
    }

    private String current() {
        return provider.deviceCertificate().map(MdmCandidate::thumbprint).orElse("none");
    }

    @Test
    void cachedForLessThanADay_thenPickedAgain() {
        String first = f.lab(LOCAL_MACHINE, 100);
        assertEquals(first, current());
        String better = f.lab(LOCAL_MACHINE, 300);
        f.store.remove(LOCAL_MACHINE, first); // the cache does not look at the store

        f.clock.advance(Duration.ofHours(23).plusMinutes(59));
        assertEquals(first, current());

        f.clock.advance(Duration.ofMinutes(1));
        assertEquals(better, current());
        assertTrue(f.log.messages().contains("[ClientCertCheck] GetDeviceCertificate: the cached certificate "
                + first + " is older than a day; calling GetMDMCert again."), f.log.messages().toString());
    }

    @Test
    void anExpiredCachedCertificateIsReplacedAtOnce() {
        var shortLived = f.pki.mdm(LabTenant.ACCOUNT_ID, CheckerFixture.T0.minus(Duration.ofDays(10)),
                CheckerFixture.T0.plus(Duration.ofHours(1)));
        f.store.add(LOCAL_MACHINE, shortLived.certificate(), shortLived.privateKey());
        String first = current();
        String next = f.lab(LOCAL_MACHINE, 1); // expires earlier than the cached one at T0, so not picked yet
        assertEquals(first, current());
        f.clock.advance(Duration.ofHours(2));
        assertEquals(next, current());
    }

    @Test
    void absenceIsNotCached() {
        assertEquals(Optional.empty(), provider.deviceCertificate());
        String enrolled = f.lab(LOCAL_MACHINE, 100);
        assertEquals(enrolled, current());
    }

    @Test
    void invalidateForgetsTheCachedCertificate() {
        String first = f.lab(LOCAL_MACHINE, 100);
        assertEquals(first, current());
        String second = f.lab(LOCAL_MACHINE, 200);
        assertEquals(first, current());
        provider.invalidate();
        assertEquals(second, current());
    }

    @Test
    void givesAKeyManagerForTheDeviceCertificate() {
        String cert = f.lab(LOCAL_MACHINE, 100);
        var km = provider.keyManager().orElseThrow();
        assertEquals(cert, km.chooseClientAlias(new String[] {"RSA"}, null, null));
        assertEquals(cert, org.imelab.certpicker.Thumbprints.of(km.getCertificateChain(cert)[0]));
    }
}
