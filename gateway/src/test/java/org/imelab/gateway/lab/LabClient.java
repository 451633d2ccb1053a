package org.imelab.gateway.lab;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.imelab.gateway.protocol.ClientInfo;
import org.imelab.gateway.protocol.CheckinReason;
import org.imelab.gateway.protocol.CheckinReasonPayload;
import org.imelab.gateway.protocol.RequestContentType;
import org.imelab.gateway.protocol.SideCarGatewaySession;
import org.imelab.gateway.protocol.SideCarJson;
import org.imelab.gateway.protocol.SideCarUrls;

/**
 * An OkHttp client for the lab, as the agent's will be: trusts the lab root, and once enrolled
 * presents the device certificate (mutual TLS).
 */
final class LabClient {
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    final SideCarJson json = new SideCarJson();
    final LabGateway gateway;
    KeyPair keys;
    List<X509Certificate> chain;
    EnrollResponse enrollment;
    OkHttpClient http;

    LabClient(LabGateway gateway) throws GeneralSecurityException, IOException {
        this.gateway = gateway;
        this.http = client(null, null);
    }

    /** Enrolls with a fresh RSA key; afterwards requests carry the device certificate. */
    LabClient enroll(String deviceName) throws Exception {
        keys = sharedKey();
        byte[] csr = new JcaPKCS10CertificationRequestBuilder(new javax.security.auth.x500.X500Principal(
                "CN=" + deviceName), keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())).getEncoded();
        try (Response r = http.newCall(new Request.Builder().url(gateway.baseUrl() + "/lab/enroll")
                .post(RequestBody.create(json.write(EnrollRequest.forThisMachine(csr, deviceName)), JSON)).build())
                .execute()) {
            if (r.code() != 200) {
                throw new IllegalStateException("enroll: " + r.code() + " " + r.body().string());
            }
            enrollment = json.read(r.body().string(), EnrollResponse.class);
        }
        chain = certificates(enrollment.certificateChain());
        http = client(keys, chain);
        return this;
    }

    private static KeyPair shared;

    /** One RSA key for every test device of the JVM: generating 2048-bit keys is slow, and each device still gets its own certificate. */
    static synchronized KeyPair sharedKey() throws GeneralSecurityException {
        if (shared == null) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            shared = g.generateKeyPair();
        }
        return shared;
    }

    String deviceId() {
        return enrollment.deviceId();
    }

    OkHttpClient client(KeyPair key, List<X509Certificate> certs) throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("lab-root", gateway.caCertificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        if (key != null) {
            ks.setKeyEntry("device", key.getPrivate(), new char[0], certs.toArray(new Certificate[0]));
        }
        kmf.init(ks, new char[0]);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return new OkHttpClient.Builder()
                .sslSocketFactory(ctx.getSocketFactory(), (X509TrustManager) tmf.getTrustManagers()[0])
                .readTimeout(30, TimeUnit.SECONDS)
                .build();
    }

    static List<X509Certificate> certificates(String pem) throws GeneralSecurityException {
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate c : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
            out.add((X509Certificate) c);
        }
        return out;
    }

    static ClientInfo windowsClientInfo() {
        return ClientInfo.of("LAB-PC1", "10.0.26100", "1.103.101.0", null, null, false, null);
    }

    static ClientInfo linuxClientInfo() {
        return ClientInfo.of("lab-linux", "6.8.0-45-generic", "imelab 0.1", null, null, false, null);
    }

    /** A session request; throws on a non-200 answer. */
    SideCarGatewaySession session(RequestContentType type, String payload, ClientInfo info, String bearer)
            throws IOException {
        try (Response r = sessionCall(type, payload, info, bearer)) {
            String body = r.body().string();
            if (r.code() != 200) {
                throw new IllegalStateException(type + ": " + r.code() + " " + body);
            }
            return json.readSession(body);
        }
    }

    Response sessionCall(RequestContentType type, String payload, ClientInfo info, String bearer) throws IOException {
        UUID id = UUID.randomUUID();
        SideCarGatewaySession s = SideCarGatewaySession.request(id, type, payload, info, CheckinReason.AGENT_RESTART,
                CheckinReasonPayload.none());
        Request.Builder b = new Request.Builder().url(SideCarUrls.session(gateway.sideCarUrl(), id))
                .header("Prefer", "return-content")
                .put(RequestBody.create(json.writeSession(s), JSON));
        if (bearer != null) {
            b.header("Authorization", bearer);
        }
        return http.newCall(b.build()).execute();
    }

    Response get(String path) throws IOException {
        return http.newCall(new Request.Builder().url(gateway.baseUrl() + path).build()).execute();
    }

    Response post(String path, String body) throws IOException {
        return http.newCall(new Request.Builder().url(gateway.baseUrl() + path)
                .post(RequestBody.create(body, JSON)).build()).execute();
    }
}
