package org.imelab.certpicker.check;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.imelab.certpicker.StoreLocation;
import org.imelab.certpicker.Thumbprints;
import org.imelab.certpicker.mdm.LabTenant;
import org.imelab.certpicker.portable.PortableCertificateSource;
import org.imelab.certpicker.testing.ManualClock;
import org.imelab.certpicker.testing.RecordingLogger;
import org.imelab.certpicker.testing.TestPki;
import org.imelab.registry.memory.MemoryRegistry;
import org.imelab.registry.ime.CertMetadataKey;

/** A device for checker tests: a portable store, a memory registry, a manual clock, a fake gateway. */
final class CheckerFixture {
    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    static final UUID OTHER_ACCOUNT = UUID.fromString("dede853d-e274-406b-9d0d-46b6fe65b440");

    final TestPki pki = TestPki.get();
    final ManualClock clock = new ManualClock(T0);
    final PortableCertificateSource store;
    final MemoryRegistry registry = new MemoryRegistry();
    final CertMetadataKey metadata = CertMetadataKey.of(registry);
    final FakeValidationGateway gateway = new FakeValidationGateway();
    final RecordingLogger log = new RecordingLogger("ime.ClientCertCheck");
    TenantFlighting flighting = TenantFlighting.labDefault();
    private int keyIndex;

    CheckerFixture(Path dir) {
        store = new PortableCertificateSource(dir);
    }

    ClientCertChecker checker() {
        return new ClientCertChecker(new MdmCertificateSearch(store), metadata, flighting, gateway, clock, log);
    }

    MdmCertificatePicker picker() {
        return new MdmCertificatePicker(new MdmCertificateSearch(store), metadata, clock, log);
    }

    /** A lab-account MDM certificate with its key, valid from 30 days ago for {@code daysLeft} more days. */
    String lab(StoreLocation location, int daysLeft) {
        return add(location, LabTenant.ACCOUNT_ID, daysLeft, true);
    }

    String add(StoreLocation location, UUID account, int daysLeft, boolean withKey) {
        Instant now = clock.instant();
        TestPki.Issued c = pki.mdm(account, UUID.randomUUID(), now.minus(Duration.ofDays(30)),
                now.plus(Duration.ofDays(daysLeft)), keyIndex++);
        if (withKey) {
            store.add(location, c.certificate(), c.privateKey());
        } else {
            store.addCertificate(location, c.certificate());
        }
        return Thumbprints.of(c.certificate());
    }

    /** An MDM certificate that expired {@code daysAgo} days ago. */
    String expired(StoreLocation location, int daysAgo) {
        Instant now = clock.instant();
        TestPki.Issued c = pki.mdm(LabTenant.ACCOUNT_ID, UUID.randomUUID(), now.minus(Duration.ofDays(400)),
                now.minus(Duration.ofDays(daysAgo)), keyIndex++);
        store.add(location, c.certificate(), c.privateKey());
        return Thumbprints.of(c.certificate());
    }

    void writeMetadata(String thumbprint, Instant validated, StoreLocation location) {
        metadata.write(new CertMetadataKey.Values(thumbprint, "CN=whatever", validated, location.dotNetName()));
    }
}
