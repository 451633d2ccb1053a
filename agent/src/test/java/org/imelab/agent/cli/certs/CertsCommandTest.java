package org.imelab.agent.cli.certs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.imelab.agent.cli.ImelabCommand;
import org.imelab.certpicker.CertificateFiles;
import org.imelab.certpicker.StoreLocation;
import org.imelab.certpicker.Thumbprints;
import org.imelab.certpicker.mdm.LabTenant;
import org.imelab.certpicker.mdm.MdmCertificateBuilder;
import org.imelab.certpicker.portable.PortableCertificateSource;
import org.imelab.registry.ime.CertMetadataKey;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code imelab certs}, {@code certs show} and {@code certs check} against a portable store. */
class CertsCommandTest {
    static KeyPair caKeys;
    static X509Certificate ca;
    static KeyPair deviceKeys;

    @TempDir
    Path home;
    final MemoryRegistry registry = new MemoryRegistry();

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void pki() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        caKeys = g.generateKeyPair();
        deviceKeys = g.generateKeyPair();
        X500Name name = new X500Name("CN=" + LabTenant.DEVICE_CA_NAME);
        Instant from = Instant.now().minus(Duration.ofDays(10));
        var b = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(from),
                Date.from(from.plus(Duration.ofDays(3650))), name, caKeys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        ca = new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // the registry outlives each command, as the data home's registry does
        CommandLine cl = new CommandLine(new ImelabCommand(h -> registry));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 2];
        all[0] = "--home";
        all[1] = home.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = cl.execute(all);
        return new Run(code, out.toString().replace("\r\n", "\n"), err.toString().replace("\r\n", "\n"));
    }

    String enroll(StoreLocation location, UUID account, int daysLeft, boolean withKey) {
        Instant now = Instant.now();
        UUID device = UUID.randomUUID();
        X509Certificate cert = MdmCertificateBuilder.issuedBy(ca, caKeys.getPrivate())
                .publicKey(deviceKeys.getPublic()).deviceId(device).accountId(account)
                .tenantId(LabTenant.TENANT_ID).validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(daysLeft)))
                .build();
        PortableCertificateSource store = new PortableCertificateSource(home.resolve("certstore"));
        if (withKey) {
            store.add(location, cert, deviceKeys.getPrivate());
        } else {
            store.addCertificate(location, cert);
        }
        return Thumbprints.of(cert);
    }

    @Test
    void listsCandidatesWithStoreExpiryKeyAndIds() {
        String lab = enroll(StoreLocation.LOCAL_MACHINE, LabTenant.ACCOUNT_ID, 100, true);
        UUID other = UUID.fromString("dede853d-e274-406b-9d0d-46b6fe65b440");
        String keyless = enroll(StoreLocation.CURRENT_USER, other, 50, false);

        Run r = run("certs", "--store", "portable");

        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("LocalMachine\\My  " + lab), r.out());
        assertTrue(r.out().contains("CurrentUser\\My  " + keyless), r.out());
        assertTrue(r.out().contains("  Private key: yes (imelab portable store)"), r.out());
        assertTrue(r.out().contains("  Private key: no"), r.out());
        assertTrue(r.out().contains("  Account id:  " + LabTenant.ACCOUNT_ID + " (flighted, lab)"), r.out());
        assertTrue(r.out().contains("  Account id:  " + other + "\n"), r.out());
        assertTrue(r.out().contains("  Tenant id:   " + LabTenant.TENANT_ID), r.out());
        assertTrue(r.out().contains("  Subject:     CN="), r.out());
        assertTrue(r.out().contains("  Expires:     "), r.out());
        assertTrue(r.out().contains("2 MDM certificate(s) (OID 1.2.840.113556.5.6) in portable store "), r.out());
    }

    @Test
    void showDecodesTheRealCertificateInPemAndDer() throws Exception {
        Path pem = home.resolve("sample.pem");
        try (InputStream in = getClass().getResourceAsStream("/real-artefacts/certs/intune-mdm-device-cert-sample.pem")) {
            Files.write(pem, in.readAllBytes());
        }
        Path der = home.resolve("sample.cer");
        Files.write(der, CertificateFiles.readCertificates(pem).get(0).getEncoded());
        for (Path file : new Path[] {pem, der}) {
            Run r = run("certs", "show", file.toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("Device id  (1.2.840.113556.5.4):  07bc0167-9061-43b7-b243-0bb6aeda736e"), r.out());
            assertTrue(r.out().contains("Account id (1.2.840.113556.5.6):  dede853d-e274-406b-9d0d-46b6fe65b440"), r.out());
            assertTrue(r.out().contains("Tenant id  (1.2.840.113556.5.14): b54dc1af-5320-4f60-b5d4-821e0cf2a359"), r.out());
            assertTrue(r.out().contains("1.2.840.113556.5.24: OCTET STRING (32 bytes)"), r.out());
        }
    }

    @Test
    void showRefusesWhatIsNotACertificate() throws Exception {
        Path text = Files.writeString(home.resolve("notes.txt"), "hello");
        Run r = run("certs", "show", text.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("imelab certs show: " + text + ": not an X.509 certificate"), r.err());
        Run missing = run("certs", "show", home.resolve("nope.pem").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }

    @Test
    void checkPrintsEachStepAndWhatGetMdmCertUses() {
        String lab = enroll(StoreLocation.LOCAL_MACHINE, LabTenant.ACCOUNT_ID, 100, true);
        Run r = run("certs", "check", "--store", "portable");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("Step 1 Initiation:\n  Client certificate check started.\n  No CertMetadata"), r.out());
        assertTrue(r.out().contains("Step 2 Search:\n  Found 1 certificate(s) with OID 1.2.840.113556.5.6"), r.out());
        assertTrue(r.out().contains("  One usable certificate, " + lab), r.out());
        assertTrue(r.out().contains("Step 6 Use:\n  GetMDMCert: " + lab), r.out());
        assertTrue(r.out().contains(", by OID search"), r.out());
        assertTrue(r.out().contains("Outcome: 1 usable MDM certificate, nothing to choose; CertMetadata deleted"), r.out());
    }

    @Test
    void checkReadsCertMetadataFromTheRegistry() {
        enroll(StoreLocation.LOCAL_MACHINE, LabTenant.ACCOUNT_ID, 100, true);
        String validated = enroll(StoreLocation.CURRENT_USER, LabTenant.ACCOUNT_ID, 50, true);
        CertMetadataKey.of(registry).write(new CertMetadataKey.Values(validated, "CN=x",
                Instant.now().minus(Duration.ofHours(2)), "CurrentUser"));
        Run r = run("certs", "check", "--store", "portable");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("and the certificate is still present and valid in CurrentUser\\My. Skipping the check."), r.out());
        assertTrue(r.out().contains("  GetMDMCert: " + validated), r.out());
        assertTrue(r.out().contains(", from CertMetadata"), r.out());
        assertTrue(r.out().contains("Outcome: skipped, CertMetadata is fresh (" + validated + ")"), r.out());
    }

    @Test
    void checkWithSeveralFlightedCertificatesNeedsTheGateway() {
        enroll(StoreLocation.LOCAL_MACHINE, LabTenant.ACCOUNT_ID, 100, true);
        enroll(StoreLocation.LOCAL_MACHINE, LabTenant.ACCOUNT_ID, 200, true);
        Run r = run("certs", "check", "--store", "portable");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.out().contains("Step 4 Validation:"), r.out());
        assertTrue(r.out().contains("  ERROR: Validation with the gateway failed: no gateway is configured"), r.out());
    }

    @Test
    void checkHonoursTheFlightingOption() {
        enroll(StoreLocation.LOCAL_MACHINE, LabTenant.ACCOUNT_ID, 100, true);
        enroll(StoreLocation.LOCAL_MACHINE, LabTenant.ACCOUNT_ID, 200, true);
        Run r = run("certs", "check", "--store", "portable", "--flighted-account", "dede853d-e274-406b-9d0d-46b6fe65b440");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("  WARNING: The tenant is not flighted: using none of the 2 certificates."), r.out());
    }

    @Test
    @org.junit.jupiter.api.condition.DisabledOnOs(org.junit.jupiter.api.condition.OS.WINDOWS)
    void theWindowsStoresAreRefusedElsewhere() {
        Run r = run("certs", "--store", "windows");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("The Windows certificate stores exist only on Windows"), r.err());
    }

    @Test
    void aBadStoreKindIsRefused() {
        Run r = run("certs", "--store", "floppy");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--store must be windows or portable, not 'floppy'"), r.err());
    }
}
