package org.imelab.certpicker.check;

import static org.imelab.certpicker.StoreLocation.CURRENT_USER;
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

/** GetMDMCert: CertMetadata first, else the best certificate by OID. */
class MdmCertificatePickerTest {
    @TempDir
    Path dir;
    CheckerFixture f;

    @BeforeEach
    void setUp() {
        f = new CheckerFixture(dir);
    }

    @Test
    void usesTheCertificateCertMetadataNames_evenWhenAnotherExpiresLater() {
        String named = f.lab(LOCAL_MACHINE, 100);
        f.lab(LOCAL_MACHINE, 300);
        f.writeMetadata(named, CheckerFixture.T0.minus(Duration.ofDays(3)), LOCAL_MACHINE);
        MdmCertificatePicker.Pick pick = f.picker().getMdmCert().orElseThrow();
        assertEquals(named, pick.certificate().thumbprint());
        assertEquals(MdmCertificatePicker.Origin.CERT_METADATA, pick.origin());
        assertTrue(f.log.messages().contains("[ClientCertCheck] GetMDMCert: using certificate "
                + pick.certificate().label() + " from CertMetadata."), f.log.messages().toString());
    }

    @Test
    void findsTheNamedCertificateInTheOtherLocation() {
        String named = f.lab(CURRENT_USER, 100);
        f.writeMetadata(named, CheckerFixture.T0, LOCAL_MACHINE);
        MdmCertificatePicker.Pick pick = f.picker().getMdmCert().orElseThrow();
        assertEquals(named, pick.certificate().thumbprint());
        assertEquals(MdmCertificatePicker.Origin.CERT_METADATA, pick.origin());
    }

    @Test
    void withoutCertMetadata_picksTheLatestExpiryThatHasAKey() {
        f.lab(LOCAL_MACHINE, 100);
        String best = f.lab(CURRENT_USER, 200);
        f.add(LOCAL_MACHINE, LabTenant.ACCOUNT_ID, 400, false); // later, but keyless
        f.expired(LOCAL_MACHINE, 1);
        MdmCertificatePicker.Pick pick = f.picker().getMdmCert().orElseThrow();
        assertEquals(best, pick.certificate().thumbprint());
        assertEquals(MdmCertificatePicker.Origin.OID_SEARCH, pick.origin());
    }

    @Test
    void aVanishedNamedCertificateFallsBackToTheSearch() {
        String named = f.lab(LOCAL_MACHINE, 300);
        String other = f.lab(LOCAL_MACHINE, 100);
        f.writeMetadata(named, CheckerFixture.T0, LOCAL_MACHINE);
        f.store.remove(LOCAL_MACHINE, named);
        MdmCertificatePicker.Pick pick = f.picker().getMdmCert().orElseThrow();
        assertEquals(other, pick.certificate().thumbprint());
        assertEquals(MdmCertificatePicker.Origin.OID_SEARCH, pick.origin());
        assertTrue(f.log.messages().contains("[ClientCertCheck] GetMDMCert: certificate " + named
                + " from CertMetadata is in neither store; searching the stores by OID."));
    }

    @Test
    void anExpiredNamedCertificateFallsBackToTheSearch() {
        String named = f.expired(LOCAL_MACHINE, 1);
        String other = f.lab(CURRENT_USER, 100);
        f.writeMetadata(named, CheckerFixture.T0, LOCAL_MACHINE);
        assertEquals(other, f.picker().getMdmCert().orElseThrow().certificate().thumbprint());
    }

    @Test
    void aTieGoesToLocalMachine() {
        // same expiry to the second: fixture certificates are issued at the same clock instant
        String user = f.lab(CURRENT_USER, 100);
        String machine = f.lab(LOCAL_MACHINE, 100);
        assertEquals(machine, f.picker().getMdmCert().orElseThrow().certificate().thumbprint());
        assertTrue(!user.equals(machine));
    }

    @Test
    void nothingUsable_isEmpty() {
        f.expired(LOCAL_MACHINE, 1);
        f.add(CURRENT_USER, LabTenant.ACCOUNT_ID, 100, false);
        assertEquals(Optional.empty(), f.picker().getMdmCert());
    }
}
