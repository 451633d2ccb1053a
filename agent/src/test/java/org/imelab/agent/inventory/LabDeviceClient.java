package org.imelab.agent.inventory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.random.RandomGenerator;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.imelab.agent.gateway.Backoff;
import org.imelab.agent.gateway.GatewayClient;
import org.imelab.agent.time.Scheduler;
import org.imelab.gateway.lab.EnrollRequest;
import org.imelab.gateway.lab.EnrollResponse;
import org.imelab.gateway.lab.LabGateway;
import org.imelab.gateway.protocol.ClientInfo;
import org.imelab.gateway.protocol.SideCarJson;
import org.imelab.gateway.protocol.report.InventoryReport;

/**
 * A device enrolled in a lab gateway, as the agent will be: its own RSA key, the MDM certificate
 * from {@code POST /lab/enroll}, and {@link GatewayClient}s with mutual TLS over real HTTPS.
 */
public final class LabDeviceClient {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static KeyPair sharedKey;

    final SideCarJson json = new SideCarJson();
    final KeyPair keys;
    final List<X509Certificate> chain;
    public final String deviceId;

    private LabDeviceClient(KeyPair keys, List<X509Certificate> chain, String deviceId) {
        this.keys = keys;
        this.chain = chain;
        this.deviceId = deviceId;
    }

    public static LabDeviceClient enroll(LabGateway lab, String deviceName) throws Exception {
        KeyPair keys = key();
        byte[] csr = new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=" + deviceName), keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())).getEncoded();
        SideCarJson json = new SideCarJson();
        OkHttpClient http = http(lab, null, null);
        try (Response r = http.newCall(new Request.Builder().url(lab.baseUrl() + "/lab/enroll")
                .post(RequestBody.create(json.write(EnrollRequest.forThisMachine(csr, deviceName)), JSON)).build())
                .execute()) {
            if (r.code() != 200) {
                throw new IllegalStateException("enroll: HTTP " + r.code() + " " + r.body().string());
            }
            EnrollResponse e = json.read(r.body().string(), EnrollResponse.class);
            List<X509Certificate> chain = new java.util.ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(
                    new ByteArrayInputStream(e.certificateChain().getBytes(StandardCharsets.US_ASCII)))) {
                chain.add((X509Certificate) c);
            }
            return new LabDeviceClient(keys, chain, e.deviceId());
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    /** One RSA key per JVM: generating them is slow, and each device still gets its own certificate. */
    private static synchronized KeyPair key() throws GeneralSecurityException {
        if (sharedKey == null) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            sharedKey = g.generateKeyPair();
        }
        return sharedKey;
    }

    /** The agent's gateway client for {@code sideCarUrl}; {@code withCertificate} false to be refused. */
    public GatewayClient gatewayClient(LabGateway lab, String sideCarUrl, boolean withCertificate, Scheduler scheduler)
            throws GeneralSecurityException, IOException {
        Tls tls = tls(lab, withCertificate ? keys : null, withCertificate ? chain : null);
        return new GatewayClient(sideCarUrl, tls.context, tls.trust,
                ClientInfo.of("INV-PC1", "10.0.26100", "1.103.101.0", null, null, false, null), scheduler,
                GatewayClient.Timeouts.DEFAULT, Backoff.none(), RandomGenerator.getDefault(), json);
    }

    /** The lab's admin view over HTTPS (no client certificate, as the admin center's stand-in). */
    public static final class LabAdmin implements AutoCloseable {
        private final LabGateway lab;
        private final OkHttpClient http;
        private final SideCarJson json = new SideCarJson();

        public LabAdmin(LabGateway lab) throws GeneralSecurityException, IOException {
            this.lab = lab;
            this.http = http(lab, null, null);
        }

        /** The device's Discovered Apps as {@code GET /lab/devices} shows them. */
        public List<InventoryReport.InventoryEntry> discoveredApps(String deviceId) throws IOException {
            try (Response r = http.newCall(new Request.Builder().url(lab.baseUrl() + "/lab/devices").build()).execute()) {
                if (r.code() != 200) {
                    throw new IllegalStateException("/lab/devices: HTTP " + r.code());
                }
                for (JsonNode d : json.readTree(r.body().string())) {
                    if (d.path("DeviceId").asText().equalsIgnoreCase(deviceId)) {
                        return json.mapper().convertValue(d.get("DiscoveredApps"),
                                new TypeReference<List<InventoryReport.InventoryEntry>>() { });
                    }
                }
                throw new IllegalStateException("the lab does not list device " + deviceId);
            }
        }

        @Override
        public void close() {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    private record Tls(SSLContext context, X509TrustManager trust) {
    }

    private static Tls tls(LabGateway lab, KeyPair key, List<X509Certificate> chain)
            throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("lab-root", lab.caCertificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        if (key != null) {
            ks.setKeyEntry("device", key.getPrivate(), new char[0], chain.toArray(new Certificate[0]));
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, new char[0]);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return new Tls(ctx, (X509TrustManager) tmf.getTrustManagers()[0]);
    }

    private static OkHttpClient http(LabGateway lab, KeyPair key, List<X509Certificate> chain)
            throws GeneralSecurityException, IOException {
        Tls tls = tls(lab, key, chain);
        return new OkHttpClient.Builder().sslSocketFactory(tls.context.getSocketFactory(), tls.trust).build();
    }
}
