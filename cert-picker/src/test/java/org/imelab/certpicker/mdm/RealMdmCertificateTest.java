package org.imelab.certpicker.mdm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SignatureException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.imelab.certpicker.CertificateFiles;
import org.imelab.certpicker.Thumbprints;
import org.imelab.certpicker.testing.TestPki;
import org.junit.jupiter.api.Test;

/** The real Intune MDM certificate (real-artefacts/certs) decodes to its known ids and chains to 2028/2030. */
class RealMdmCertificateTest {
    static final X509Certificate DEVICE = TestPki.real("intune-mdm-device-cert-sample.pem");
    static final X509Certificate CA_2028 = TestPki.real("intune-intermediate-mdm-2028.pem");
    static final X509Certificate ROOT_2030 = TestPki.real("intune-root-2030.pem");
    static final X509Certificate CA_2026 = TestPki.real("intune-intermediate-mdm-2026.pem");
    static final X509Certificate ROOT_2026 = TestPki.real("intune-root-2026.pem");

    static final UUID DEVICE_ID = UUID.fromString("07bc0167-9061-43b7-b243-0bb6aeda736e");
    static final UUID ACCOUNT_ID = UUID.fromString("dede853d-e274-406b-9d0d-46b6fe65b440");
    static final UUID TENANT_ID = UUID.fromString("b54dc1af-5320-4f60-b5d4-821e0cf2a359");

    @Test
    void decodesTheKnownIds() {
        IntuneExtensions ids = IntuneExtensions.decode(DEVICE);
        assertEquals(Optional.of(DEVICE_ID), ids.deviceId());
        assertEquals(DEVICE_ID.toString(), IntuneExtensions.subjectCommonName(DEVICE), "device id = subject CN");
        assertEquals(Optional.of(ACCOUNT_ID), ids.accountId());
        assertEquals(Optional.of(TENANT_ID), ids.tenantId());
        assertEquals(Optional.empty(), ids.userId());
        assertTrue(ids.accountIdPresent());
        assertTrue(IntuneExtensions.carriesAccountId(DEVICE));
        assertEquals(List.of(), ids.problems());
    }

    @Test
    void showsTheOtherIntuneExtensionsRawInArcOrder() {
        List<IntuneExtensions.RawExtension> others = IntuneExtensions.decode(DEVICE).others();
        assertEquals(List.of("1.2.840.113556.5.11", "1.2.840.113556.5.15", "1.2.840.113556.5.16",
                "1.2.840.113556.5.17", "1.2.840.113556.5.18", "1.2.840.113556.5.19", "1.2.840.113556.5.23",
                "1.2.840.113556.5.24"), others.stream().map(IntuneExtensions.RawExtension::oid).toList());
        assertEquals("04106ABCD6425E5499419529AC8BFCD49E8A", others.get(0).hex());
        assertEquals("020102", others.get(1).hex());
        assertEquals("INTEGER 2", others.get(1).reading());
        assertEquals("INTEGER 13", others.get(2).reading());
        assertEquals("OCTET STRING (32 bytes)", others.get(7).reading());
        assertFalse(others.get(0).critical());
    }

    @Test
    void chainsToThe2028IntermediateAndThe2030Root() throws Exception {
        // inside every validity period, so the test does not age
        Date during = Date.from(DEVICE.getNotBefore().toInstant().plus(Duration.ofDays(1)));
        assertPathValid(List.of(DEVICE, CA_2028), ROOT_2030, during);
        DEVICE.verify(CA_2028.getPublicKey());
        CA_2028.verify(ROOT_2030.getPublicKey());
    }

    @Test
    void doesNotChainToThe2026Pair() throws Exception {
        assertThrows(SignatureException.class, () -> DEVICE.verify(CA_2026.getPublicKey()));
        Date during2026Ca = Date.from(CA_2026.getNotBefore().toInstant().plus(Duration.ofDays(1)));
        CertPathValidatorException e = assertThrows(CertPathValidatorException.class,
                () -> assertPathValid(List.of(DEVICE, CA_2026), ROOT_2026, during2026Ca));
        assertTrue(e.getMessage() != null);
        // and the old intermediate really is the other generation, not merely expired
        CA_2026.verify(ROOT_2026.getPublicKey());
        assertThrows(SignatureException.class, () -> CA_2028.verify(ROOT_2026.getPublicKey()));
    }

    @Test
    void builderEncodesTheIntuneExtensionsByteForByteAsTheRealCertificate() throws Exception {
        TestPki pki = TestPki.get();
        X509Certificate built = MdmCertificateBuilder.issuedBy(pki.ca, pki.caKeys.getPrivate())
                .publicKey(pki.deviceKey(0).getPublic())
                .deviceId(DEVICE_ID).accountId(ACCOUNT_ID).tenantId(TENANT_ID)
                .extension("1.2.840.113556.5.11", IntuneExtensionEncoding.octetStringGuid(
                        UUID.fromString("42d6bc6a-545e-4199-9529-ac8bfcd49e8a")))
                .extension("1.2.840.113556.5.15", IntuneExtensionEncoding.integer(2))
                .extension("1.2.840.113556.5.16", IntuneExtensionEncoding.integer(13))
                .extension("1.2.840.113556.5.23", IntuneExtensionEncoding.integer(0x4000000000000110L))
                .validity(DEVICE.getNotBefore().toInstant(), DEVICE.getNotAfter().toInstant())
                .build();
        for (String oid : List.of(IntuneOids.DEVICE_ID, IntuneOids.ACCOUNT_ID, IntuneOids.TENANT_ID,
                "1.2.840.113556.5.11", "1.2.840.113556.5.15", "1.2.840.113556.5.16", "1.2.840.113556.5.23")) {
            assertArrayEquals(DEVICE.getExtensionValue(oid), built.getExtensionValue(oid), oid);
            assertArrayEquals(extensionDer(DEVICE, oid), extensionDer(built, oid), oid + " whole Extension");
        }
        assertEquals(Set.of("2.5.29.15", "2.5.29.19", "2.5.29.37"), built.getCriticalExtensionOIDs());
        assertEquals(DEVICE.getExtendedKeyUsage(), built.getExtendedKeyUsage());
        assertArrayEquals(DEVICE.getKeyUsage(), built.getKeyUsage());
        assertArrayEquals(subjectDer(DEVICE), subjectDer(built), "CN=<device id> as a PrintableString");
        List<String> builtOrder = intuneOrder(built);
        assertEquals(intuneOrder(DEVICE).stream().filter(builtOrder::contains).toList(), builtOrder, "real order");
        built.verify(pki.ca.getPublicKey());
    }

    @Test
    void decodedBuiltCertificateGivesBackItsIds() {
        TestPki pki = TestPki.get();
        UUID device = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        X509Certificate built = MdmCertificateBuilder.issuedBy(pki.ca, pki.caKeys.getPrivate())
                .publicKey(pki.deviceKey(0).getPublic()).deviceId(device).accountId(LabTenant.ACCOUNT_ID)
                .tenantId(LabTenant.TENANT_ID).userId(user)
                .validity(java.time.Instant.parse("2026-01-01T00:00:00Z"), java.time.Instant.parse("2027-01-01T00:00:00Z"))
                .build();
        IntuneExtensions ids = IntuneExtensions.decode(built);
        assertEquals(Optional.of(device), ids.deviceId());
        assertEquals(Optional.of(LabTenant.ACCOUNT_ID), ids.accountId());
        assertEquals(Optional.of(LabTenant.TENANT_ID), ids.tenantId());
        assertEquals(Optional.of(user), ids.userId());
        assertEquals(List.of(), ids.problems());
    }

    @Test
    void malformedValuesAreReportedNotGuessed() {
        TestPki pki = TestPki.get();
        UUID device = UUID.randomUUID();
        X509Certificate odd = MdmCertificateBuilder.issuedBy(pki.ca, pki.caKeys.getPrivate())
                .publicKey(pki.deviceKey(0).getPublic()).deviceId(device).accountId(LabTenant.ACCOUNT_ID)
                .subjectCommonName("not-the-device")
                // a tenant id encoded like the device id (no OCTET STRING wrapper): wrong for .5.14
                .extension(IntuneOids.TENANT_ID, IntuneExtensionEncoding.rawGuid(LabTenant.TENANT_ID))
                .validity(java.time.Instant.parse("2026-01-01T00:00:00Z"), java.time.Instant.parse("2027-01-01T00:00:00Z"))
                .build();
        IntuneExtensions ids = IntuneExtensions.decode(odd);
        assertEquals(Optional.empty(), ids.tenantId());
        assertEquals(2, ids.problems().size(), ids.problems().toString());
        assertTrue(ids.problems().get(0).contains("Entra tenant id"), ids.problems().toString());
        assertTrue(ids.problems().get(1).contains("differs from the subject CN"), ids.problems().toString());
    }

    @Test
    void reportShowsIdsAndThumbprint() throws Exception {
        byte[] pem = TestPki.realBytes("intune-mdm-device-cert-sample.pem");
        X509Certificate fromPem = CertificateFiles.readCertificates(pem, "sample").get(0);
        X509Certificate fromDer = CertificateFiles.readCertificates(DEVICE.getEncoded(), "sample.der").get(0);
        assertEquals(fromPem, fromDer);
        List<String> lines = CertificateReport.describe(fromDer);
        String text = String.join("\n", lines);
        assertTrue(text.contains("Subject:     CN=" + DEVICE_ID), text);
        assertTrue(text.contains("Issuer:      CN=Microsoft Intune MDM Device CA"), text);
        assertTrue(text.contains("Thumbprint:  " + Thumbprints.of(DEVICE)), text);
        assertTrue(text.contains("Account id (1.2.840.113556.5.6):  " + ACCOUNT_ID), text);
        assertTrue(text.contains("Tenant id  (1.2.840.113556.5.14): " + TENANT_ID), text);
        assertTrue(text.contains("1.2.840.113556.5.16: INTEGER 13  02010D"), text);
        assertTrue(text.contains("Client auth: yes"), text);
        assertFalse(text.contains("Problem"), text);
    }

    private static void assertPathValid(List<X509Certificate> path, X509Certificate root, Date at) throws Exception {
        CertPath cp = CertificateFactory.getInstance("X.509").generateCertPath(path);
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        params.setRevocationEnabled(false);
        params.setDate(at);
        CertPathValidator.getInstance("PKIX").validate(cp, params);
    }

    private static byte[] extensionDer(X509Certificate cert, String oid) throws Exception {
        var holder = new org.bouncycastle.cert.X509CertificateHolder(cert.getEncoded());
        return holder.getExtension(new org.bouncycastle.asn1.ASN1ObjectIdentifier(oid)).getEncoded("DER");
    }

    private static byte[] subjectDer(X509Certificate cert) {
        return cert.getSubjectX500Principal().getEncoded();
    }

    private static List<String> intuneOrder(X509Certificate cert) throws Exception {
        var holder = new org.bouncycastle.cert.X509CertificateHolder(cert.getEncoded());
        return java.util.Arrays.stream(holder.getExtensions().getExtensionOIDs())
                .map(Object::toString).filter(IntuneOids::isIntune).toList();
    }
}
