package org.imelab.certpicker.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.imelab.certpicker.CertificateFiles;
import org.imelab.certpicker.mdm.LabTenant;
import org.imelab.certpicker.mdm.MdmCertificateBuilder;

/**
 * Real certificates for tests, made with Bouncy Castle: a lab "Microsoft Intune MDM Device CA"
 * and MDM device certificates issued by it. RSA key generation is slow, so a few device key pairs
 * are made once per test JVM and shared; each certificate still gets its own serial and thumbprint.
 */
public final class TestPki {
    private static final AtomicLong SERIALS = new AtomicLong(1000);
    private static volatile TestPki instance;

    public final KeyPair caKeys;
    public final X509Certificate ca;
    private final List<KeyPair> deviceKeys;

    /** A device certificate and the key that goes with it. */
    public record Issued(X509Certificate certificate, PrivateKey privateKey) {
    }

    private TestPki() throws GeneralSecurityException {
        caKeys = rsa();
        ca = selfSignedCa(caKeys, LabTenant.DEVICE_CA_NAME);
        deviceKeys = List.of(rsa(), rsa(), rsa());
    }

    public static TestPki get() {
        if (instance == null) {
            synchronized (TestPki.class) {
                if (instance == null) {
                    try {
                        instance = new TestPki();
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return instance;
    }

    public static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    public KeyPair deviceKey(int i) {
        return deviceKeys.get(Math.floorMod(i, deviceKeys.size()));
    }

    /** An MDM certificate of the given account, valid from {@code from} to {@code to}. */
    public Issued mdm(UUID accountId, Instant from, Instant to) {
        return mdm(accountId, UUID.randomUUID(), from, to, 0);
    }

    public Issued mdm(UUID accountId, UUID deviceId, Instant from, Instant to, int keyIndex) {
        KeyPair keys = deviceKey(keyIndex);
        X509Certificate cert = MdmCertificateBuilder.issuedBy(ca, caKeys.getPrivate())
                .publicKey(keys.getPublic())
                .deviceId(deviceId)
                .accountId(accountId)
                .tenantId(LabTenant.TENANT_ID)
                .validity(from, to)
                .serial(BigInteger.valueOf(SERIALS.incrementAndGet()))
                .build();
        return new Issued(cert, keys.getPrivate());
    }

    /** A lab certificate valid for a year around {@code now}. */
    public Issued labMdm(Instant now) {
        return mdm(LabTenant.ACCOUNT_ID, now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(335)));
    }

    /** A certificate without any Intune extension (e.g. a Wi-Fi or VPN certificate in the same store). */
    public Issued plain(String cn, Instant from, Instant to) {
        try {
            KeyPair keys = deviceKey(0);
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca, BigInteger.valueOf(SERIALS.incrementAndGet()),
                    Date.from(from), Date.from(to), new X500Name("CN=" + cn), keys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
            return new Issued(cert, keys.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A TLS server certificate for 127.0.0.1 / localhost, issued by its own CA. */
    public Issued server(KeyPair serverCa, X509Certificate serverCaCert, Instant now) {
        try {
            KeyPair keys = deviceKey(1);
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(serverCaCert,
                    BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(30))), new X500Name("CN=localhost"), keys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withRSA").build(serverCa.getPrivate())));
            return new Issued(cert, keys.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static X509Certificate selfSignedCa(KeyPair keys, String cn) {
        try {
            Instant now = Instant.parse("2020-01-01T00:00:00Z");
            X500Name name = new X500Name("CN=" + cn);
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(SERIALS.incrementAndGet()),
                    Date.from(now), Date.from(now.plus(Duration.ofDays(365 * 30))), name, keys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fixture from shared/reference/real-artefacts/certs. */
    public static X509Certificate real(String fileName) {
        try {
            return CertificateFiles.readCertificates(realBytes(fileName), fileName).get(0);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable real fixture " + fileName, e);
        }
    }

    public static byte[] realBytes(String fileName) {
        try (var in = TestPki.class.getResourceAsStream("/real-artefacts/certs/" + fileName)) {
            if (in == null) {
                throw new IllegalStateException("Missing real fixture " + fileName);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
