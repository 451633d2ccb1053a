package org.imelab.gateway.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLException;
import okhttp3.Response;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.imelab.gateway.protocol.RequestContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions need the device certificate the lab issued; enrollment does not. */
class LabMutualTlsTest {
    @TempDir
    static Path dir;
    static LabGateway gateway;
    static LabClient device;

    @BeforeAll
    static void start() throws Exception {
        gateway = LabGateway.start(LabConfig.of(LabFixture.write(dir.resolve("lab")), LabFixture.state(dir.resolve("state"))));
        device = new LabClient(gateway).enroll("LAB-PC1");
    }

    @AfterAll
    static void stop() {
        gateway.stop();
    }

    @Test
    void enrolledDeviceIsServed() throws Exception {
        try (Response r = device.sessionCall(RequestContentType.REQUEST_APPLICATION, "[]",
                LabClient.windowsClientInfo(), null)) {
            assertEquals(200, r.code());
        }
    }

    @Test
    void noClientCertificateIsRefusedWith403() throws Exception {
        LabClient anonymous = new LabClient(gateway);
        try (Response r = anonymous.sessionCall(RequestContentType.REQUEST_APPLICATION, "[]",
                LabClient.windowsClientInfo(), null)) {
            assertEquals(403, r.code());
            assertTrue(r.body().string().contains("enroll first"));
        }
        try (Response r = anonymous.get("/lab/notify?timeoutSeconds=0")) {
            assertEquals(403, r.code());
        }
        try (Response r = anonymous.get("/RestUserAuthLocationService/RestUserAuthLocationService/Certificate/ServiceAddresses")) {
            assertEquals(403, r.code());
        }
    }

    @Test
    void certificateFromAnotherCaIsRefused() throws Exception {
        // a self-made "Microsoft Intune MDM Device CA" with a device certificate of its own
        KeyPair caKey = rsa();
        KeyPair key = rsa();
        X509Certificate fakeCa = sign(new X500Name("CN=Microsoft Intune MDM Device CA"),
                new X500Name("CN=Microsoft Intune MDM Device CA"), caKey, caKey);
        X509Certificate fake = sign(new X500Name("CN=Microsoft Intune MDM Device CA"),
                new X500Name("CN=" + device.deviceId()), key, caKey);
        LabClient impostor = new LabClient(gateway);
        impostor.http = impostor.client(key, List.of(fake, fakeCa));
        assertRefused(impostor);
    }

    @Test
    void replacedCertificateOfAReEnrolledDeviceIsRefused() throws Exception {
        LabClient first = new LabClient(gateway).enroll("LAB-PC9");
        // the same key and certificate, but the lab no longer knows them as a device's current one
        LabClient stale = new LabClient(gateway);
        stale.http = stale.client(first.keys, first.chain);
        try (Response r = stale.sessionCall(RequestContentType.REQUEST_APPLICATION, "[]",
                LabClient.windowsClientInfo(), null)) {
            assertEquals(200, r.code(), "still the device's current certificate");
        }
        // a certificate chaining to the lab CA but issued to a key the lab never enrolled is refused
        LabCertificateAuthority ca = LabCertificateAuthority.openOrCreate(dir.resolve("state").resolve("ca"),
                java.time.InstantSource.system());
        KeyPair other = rsa();
        List<X509Certificate> orphan = ca.issueDeviceCertificate(other.getPublic(), java.util.UUID.randomUUID(),
                LabDefinition.DEFAULT_ACCOUNT_ID, LabDefinition.DEFAULT_TENANT_ID);
        LabClient unknown = new LabClient(gateway);
        unknown.http = unknown.client(other, orphan);
        try (Response r = unknown.sessionCall(RequestContentType.REQUEST_APPLICATION, "[]",
                LabClient.windowsClientInfo(), null)) {
            assertEquals(403, r.code());
            assertTrue(r.body().string().contains("not the current certificate"));
        }
    }

    @Test
    void enrollmentRefusesABadCsr() throws Exception {
        LabClient anonymous = new LabClient(gateway);
        try (Response r = anonymous.post("/lab/enroll", "{\"Csr\":\"bm90IGEgY3Ny\",\"DeviceName\":\"x\"}")) {
            assertEquals(400, r.code());
            assertTrue(r.body().string().contains("PKCS#10"));
        }
    }

    /**
     * The gateway trusts only its device CA for client certificates, so the handshake itself
     * fails: the request never gets an HTTP answer (an SSLException, or with TLS 1.3 a broken
     * pipe when the server's alert arrives after the client has sent its request).
     */
    private static void assertRefused(LabClient client) {
        IOException e = assertThrows(IOException.class, () -> {
            try (Response r = client.sessionCall(RequestContentType.REQUEST_APPLICATION, "[]",
                    LabClient.windowsClientInfo(), null)) {
                throw new AssertionError("answered " + r.code() + " instead of failing the handshake");
            }
        });
        assertTrue(e instanceof SSLException || e instanceof java.net.SocketException, e.toString());
    }

    /** Any RSA key will do: what is under test is who issued the certificate. */
    private static KeyPair rsa() throws Exception {
        return LabClient.sharedKey();
    }

    private static X509Certificate sign(X500Name issuer, X500Name subject, KeyPair subjectKey, KeyPair issuerKey)
            throws Exception {
        Instant now = Instant.now();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(issuer,
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(3600)),
                subject, subjectKey.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA")
                .build(issuerKey.getPrivate())));
    }

    @Test
    void unrelatedCertificateIsNotEvenOfferedAndTheSessionIsRefused() throws Exception {
        // the gateway names its device CA in the handshake; a client whose only certificate has
        // another issuer sends none, and the session is refused as anonymous
        KeyPair key = rsa();
        X509Certificate self = sign(new X500Name("CN=x"), new X500Name("CN=x"), key, key);
        LabClient c = new LabClient(gateway);
        c.http = c.client(key, List.of(self));
        try (Response r = c.sessionCall(RequestContentType.REQUEST_APPLICATION, "[]", LabClient.windowsClientInfo(), null)) {
            assertEquals(403, r.code());
        }
    }
}
