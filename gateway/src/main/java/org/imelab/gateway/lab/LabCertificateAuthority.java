package org.imelab.gateway.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.imelab.certpicker.mdm.LabTenant;
import org.imelab.certpicker.mdm.MdmCertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The lab's certificate authority, kept in {@code {state}/ca}: a root, the TLS certificate of the
 * gateway (localhost, 127.0.0.1, ::1) and an issuing CA for device certificates named exactly like
 * Intune's, {@code CN=Microsoft Intune MDM Device CA}, because admin scripts select the MDM
 * certificate by that issuer name (ime-behaviour.md C §6.4). The root is imelab's own name, so the
 * chain can never be mistaken for Microsoft's.
 *
 * <p>Created on first use and reused afterwards, so enrolled devices survive a restart of the
 * lab. The keys are lab keys: a PKCS#12 file readable by its owner only, with a fixed password.
 */
public final class LabCertificateAuthority {
    static final String ROOT_NAME = "CN=imelab Lab Root CA, O=imelab lab";
    static final String DEVICE_CA_NAME = "CN=" + LabTenant.DEVICE_CA_NAME;
    static final String TLS_NAME = "CN=localhost, O=imelab lab gateway";
    static final Duration DEVICE_CERT_VALIDITY = Duration.ofDays(365);
    private static final char[] STORE_PASSWORD = "imelab-lab".toCharArray();
    private static final String STORE_FILE = "lab-ca.p12";
    private static final String ROOT_PEM = "lab-root.pem";

    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();
    private final Path dir;
    private final KeyStore store;

    private LabCertificateAuthority(Path dir, KeyStore store, InstantSource clock) {
        this.dir = dir;
        this.store = store;
        this.clock = clock;
    }

    /** Loads the CA from {@code dir}, creating what is missing (and renewing a TLS certificate near its end). */
    public static LabCertificateAuthority openOrCreate(Path dir, InstantSource clock) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(STORE_FILE);
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    ks.load(in, STORE_PASSWORD);
                }
            } else {
                ks.load(null, null);
            }
            LabCertificateAuthority ca = new LabCertificateAuthority(dir, ks, clock);
            boolean changed = ca.ensureCertificates();
            if (changed) {
                ca.save();
            }
            ca.writeRootPem();
            return ca;
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot open the lab CA in " + dir + ": " + e.getMessage(), e);
        }
    }

    private boolean ensureCertificates() throws GeneralSecurityException, OperatorCreationException, IOException {
        boolean changed = false;
        Instant now = clock.instant();
        if (!store.isKeyEntry("root")) {
            KeyPair kp = rsa(2048);
            X509Certificate root = caCertificate(ROOT_NAME, kp.getPublic(), ROOT_NAME, kp.getPrivate(), null,
                    now, Duration.ofDays(3650), 1);
            store.setKeyEntry("root", kp.getPrivate(), STORE_PASSWORD, new Certificate[] {root});
            store.deleteEntry("device-ca");
            store.deleteEntry("tls");
            changed = true;
        }
        if (!store.isKeyEntry("device-ca")) {
            KeyPair kp = rsa(2048);
            X509Certificate ca = caCertificate(DEVICE_CA_NAME, kp.getPublic(), ROOT_NAME, rootKey(), root(),
                    now, Duration.ofDays(1825), 0);
            store.setKeyEntry("device-ca", kp.getPrivate(), STORE_PASSWORD, new Certificate[] {ca, root()});
            changed = true;
        }
        X509Certificate tls = store.isKeyEntry("tls") ? (X509Certificate) store.getCertificate("tls") : null;
        if (tls == null || tls.getNotAfter().toInstant().isBefore(now.plus(Duration.ofDays(30)))) {
            KeyPair kp = rsa(2048);
            X509Certificate cert = tlsCertificate(kp.getPublic(), now);
            store.setKeyEntry("tls", kp.getPrivate(), STORE_PASSWORD, new Certificate[] {cert, root()});
            changed = true;
        }
        return changed;
    }

    /** The lab root: what clients trust for the gateway's TLS certificate. */
    public X509Certificate root() throws GeneralSecurityException {
        return (X509Certificate) store.getCertificate("root");
    }

    /** The issuer of device certificates ({@code CN=Microsoft Intune MDM Device CA}). */
    public X509Certificate deviceCa() throws GeneralSecurityException {
        return (X509Certificate) store.getCertificate("device-ca");
    }

    /** The root in PEM, as written to {@code {state}/ca/lab-root.pem}. */
    public Path rootPemFile() {
        return dir.resolve(ROOT_PEM);
    }

    /** The key store holding the gateway's TLS key (entry {@code tls}) for the server's KeyManager. */
    KeyStore tlsKeyStore() throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("tls", store.getKey("tls", STORE_PASSWORD), STORE_PASSWORD, store.getCertificateChain("tls"));
        return ks;
    }

    static char[] keyPassword() {
        return STORE_PASSWORD.clone();
    }

    /**
     * Issues an MDM device certificate: subject {@code CN=<deviceId>}, client authentication,
     * the Intune extensions, valid a year (as real ones are).
     *
     * @return the chain, device certificate first, then the device CA
     */
    public List<X509Certificate> issueDeviceCertificate(PublicKey devicePublicKey, UUID deviceId, UUID accountId,
                                                        UUID tenantId) throws GeneralSecurityException {
        Instant now = clock.instant();
        X509Certificate ca = deviceCa();
        PrivateKey caKey = (PrivateKey) store.getKey("device-ca", STORE_PASSWORD);
        try {
            X509Certificate cert = MdmCertificateBuilder.issuedBy(ca, caKey)
                    .publicKey(devicePublicKey)
                    .deviceId(deviceId)
                    .accountId(accountId)
                    .tenantId(tenantId)
                    .validity(now.minus(Duration.ofMinutes(5)), now.plus(DEVICE_CERT_VALIDITY))
                    .build();
            return List.of(cert, ca);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new GeneralSecurityException("cannot issue a device certificate: " + e.getMessage(), e);
        }
    }

    private PrivateKey rootKey() throws GeneralSecurityException {
        return (PrivateKey) store.getKey("root", STORE_PASSWORD);
    }

    private X509Certificate caCertificate(String subject, PublicKey key, String issuer, PrivateKey issuerKey,
                                          X509Certificate issuerCert, Instant now, Duration validity, int pathLen)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer), serial(),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(validity)), new X500Name(subject), key);
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(pathLen));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(key));
        if (issuerCert != null) {
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuerCert));
        }
        return new JcaX509CertificateConverter()
                .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
    }

    private X509Certificate tlsCertificate(PublicKey key, Instant now)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        X509Certificate root = root();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(root.getSubjectX500Principal(), serial(),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(397))),
                new javax.security.auth.x500.X500Principal(TLS_NAME), key);
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
            new GeneralName(GeneralName.iPAddress, "::1")}));
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(key));
        b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(root));
        return new JcaX509CertificateConverter()
                .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(rootKey())));
    }

    private KeyPair rsa(int bits) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits, random);
        return g.generateKeyPair();
    }

    private BigInteger serial() {
        return new BigInteger(127, random).add(BigInteger.ONE);
    }

    private void save() throws IOException, GeneralSecurityException {
        Path file = dir.resolve(STORE_FILE);
        Path tmp = Files.createTempFile(dir, STORE_FILE, ".tmp");
        ownerOnly(tmp);
        try (OutputStream out = Files.newOutputStream(tmp)) {
            store.store(out, STORE_PASSWORD);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void writeRootPem() throws IOException, GeneralSecurityException {
        String pem = pem(List.of(root()));
        Path file = rootPemFile();
        if (Files.exists(file) && Files.readString(file).equals(pem)) {
            return;
        }
        Path tmp = Files.createTempFile(dir, ROOT_PEM, ".tmp");
        Files.writeString(tmp, pem, StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** PEM text of certificates, in order. */
    public static String pem(List<X509Certificate> certificates) {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            for (X509Certificate c : certificates) {
                pw.writeObject(c);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e); // StringWriter does not fail
        }
        return w.toString();
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the file inherits the state folder's ACL
        }
    }
}
