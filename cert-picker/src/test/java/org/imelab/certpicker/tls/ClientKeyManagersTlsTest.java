package org.imelab.certpicker.tls;

import static org.imelab.certpicker.StoreLocation.CURRENT_USER;
import static org.imelab.certpicker.StoreLocation.LOCAL_MACHINE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.imelab.certpicker.CertificateCandidate;
import org.imelab.certpicker.CertificateStoreException;
import org.imelab.certpicker.Thumbprints;
import org.imelab.certpicker.check.CertificateValidationResponse;
import org.imelab.certpicker.check.CheckOutcome;
import org.imelab.certpicker.check.ClientCertChecker;
import org.imelab.certpicker.check.DeviceCertificateProvider;
import org.imelab.certpicker.check.MdmCertificatePicker;
import org.imelab.certpicker.check.MdmCertificateSearch;
import org.imelab.certpicker.check.TenantFlighting;
import org.imelab.certpicker.portable.PortableCertificateSource;
import org.imelab.certpicker.testing.ManualClock;
import org.imelab.certpicker.testing.TestPki;
import org.imelab.registry.ime.CertMetadataKey;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutual TLS over loopback: a JDK HttpsServer that requires a client certificate issued by the
 * lab device CA, and a client whose key manager comes from the certificate the checker picked.
 */
class ClientKeyManagersTlsTest {
    @TempDir
    Path dir;
    final TestPki pki = TestPki.get();
    final Instant now = Instant.now();
    HttpsServer server;
    SSLContext serverContext;
    TrustManager[] clientTrust;
    PortableCertificateSource store;

    @BeforeEach
    void startServer() throws Exception {
        TestPki.Issued serverCert = pki.server(pki.caKeys, pki.ca, now);
        KeyStore serverKeys = KeyStore.getInstance("PKCS12");
        serverKeys.load(null, null);
        serverKeys.setKeyEntry("server", serverCert.privateKey(), new char[0],
                new Certificate[] {serverCert.certificate(), pki.ca});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(serverKeys, new char[0]);
        serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), trusting(pki.ca), null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = serverContext.getDefaultSSLParameters();
                p.setNeedClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        server.createContext("/whoami", exchange -> {
            HttpsExchange https = (HttpsExchange) exchange;
            X509Certificate peer = (X509Certificate) https.getSSLSession().getPeerCertificates()[0];
            byte[] body = (Thumbprints.of(peer) + " " + https.getSSLSession().getProtocol()).getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        clientTrust = trusting(pki.ca);
        store = new PortableCertificateSource(dir);
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void theCertificateTheCheckerPickedAuthenticatesTheClient() throws Exception {
        ManualClock clock = new ManualClock(now);
        TestPki.Issued other = pki.mdm(org.imelab.certpicker.mdm.LabTenant.ACCOUNT_ID, UUID.randomUUID(),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(300)), 0);
        TestPki.Issued issued = pki.mdm(org.imelab.certpicker.mdm.LabTenant.ACCOUNT_ID, UUID.randomUUID(),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(100)), 1);
        store.add(LOCAL_MACHINE, other.certificate(), other.privateKey());
        store.add(CURRENT_USER, issued.certificate(), issued.privateKey());
        String issuedThumbprint = Thumbprints.of(issued.certificate());

        MdmCertificateSearch search = new MdmCertificateSearch(store);
        CertMetadataKey metadata = CertMetadataKey.of(new MemoryRegistry());
        CheckOutcome outcome = new ClientCertChecker(search, metadata, TenantFlighting.labDefault(),
                request -> CertificateValidationResponse.valid(java.util.List.of(issuedThumbprint)), clock).run().outcome();
        assertInstanceOf(CheckOutcome.Selected.class, outcome);

        DeviceCertificateProvider provider = new DeviceCertificateProvider(
                new MdmCertificatePicker(search, metadata, clock), clock);
        SSLContext client = ClientKeyManagers.sslContext(provider.keyManager().orElseThrow(), clientTrust);

        String answer = get(client);
        assertTrue(answer.startsWith(issuedThumbprint + " "), answer);
    }

    @Test
    void withoutAClientCertificateTheServerRefuses() throws Exception {
        SSLContext noCert = SSLContext.getInstance("TLS");
        noCert.init(null, clientTrust, null);
        assertThrows(IOException.class, () -> get(noCert));
    }

    @Test
    void aKeylessCandidateGivesAClearError() {
        TestPki.Issued c = pki.labMdm(now);
        CertificateCandidate keyless = store.addCertificate(LOCAL_MACHINE, c.certificate());
        CertificateStoreException e = assertThrows(CertificateStoreException.class,
                () -> ClientKeyManagers.forCertificate(store, keyless));
        assertTrue(e.getMessage().contains("No usable private key for certificate " + keyless.thumbprint()), e.getMessage());
    }

    @Test
    void aTpmKeyIsOfferedTls12WithPkcs1Signatures() throws Exception {
        TestPki.Issued c = pki.labMdm(now);
        CertificateCandidate stored = store.add(LOCAL_MACHINE, c.certificate(), c.privateKey());
        CertificateCandidate tpm = new CertificateCandidate(stored.certificate(), stored.thumbprint(), true,
                LOCAL_MACHINE, ClientKeyManagers.PLATFORM_CRYPTO_PROVIDER);
        assertEquals(java.util.List.of("TLSv1.2"), ClientKeyManagers.protocolsFor(tpm));
        assertEquals(java.util.List.of("TLSv1.3", "TLSv1.2"), ClientKeyManagers.protocolsFor(stored));

        SSLContext client = ClientKeyManagers.sslContext(ClientKeyManagers.forCertificate(store, tpm), clientTrust);
        try (SSLSocket socket = (SSLSocket) client.getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), server.getAddress().getPort())) {
            SSLParameters p = socket.getSSLParameters();
            ClientKeyManagers.restrictFor(tpm, p);
            socket.setSSLParameters(p);
            socket.startHandshake();
            assertEquals("TLSv1.2", socket.getSession().getProtocol());
            OutputStream out = socket.getOutputStream();
            out.write("GET /whoami HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(response.endsWith(tpm.thumbprint() + " TLSv1.2"), response);
        }
    }

    private String get(SSLContext client) throws IOException {
        URI uri = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/whoami");
        HttpsURLConnection c = (HttpsURLConnection) uri.toURL().openConnection();
        c.setSSLSocketFactory(client.getSocketFactory());
        c.setConnectTimeout(10_000);
        c.setReadTimeout(10_000);
        try (InputStream in = c.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } finally {
            c.disconnect();
        }
    }

    private static TrustManager[] trusting(X509Certificate ca) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        return tmf.getTrustManagers();
    }
}
