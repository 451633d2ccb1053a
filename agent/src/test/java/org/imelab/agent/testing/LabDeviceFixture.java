package org.imelab.agent.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.imelab.gateway.lab.EnrollRequest;
import org.imelab.gateway.lab.EnrollResponse;
import org.imelab.gateway.lab.LabConfig;
import org.imelab.gateway.lab.LabGateway;
import org.imelab.gateway.protocol.SideCarJson;

/**
 * A lab gateway on loopback with one enrolled device: the device's key never leaves this
 * object; the gateway issued its certificate through {@code POST /lab/enroll}, over HTTPS that
 * trusts only the lab's root.
 */
public final class LabDeviceFixture implements AutoCloseable {
    /** The real sample's app id (the "Get policies" of a 2026 device). */
    public static final String REAL_APP = "6e0911dd-6755-4eb7-8a75-ba02e685232b";
    /** A copy of it with a return code type the agent does not know. */
    public static final String MALFORMED_APP = "e0000000-0000-4000-8000-00000000000e";
    /** The interval the test lab asks for. */
    public static final int LAB_INTERVAL_MINUTES = 56;

    private static final SideCarJson JSON = new SideCarJson();
    private static KeyPair sharedKey;

    public final LabGateway gateway;
    public final X509Certificate root;
    public final X509TrustManager trust;
    private final Path dir;
    private KeyPair key;
    public EnrollResponse enrollment;
    public X509Certificate deviceCertificate;

    private LabDeviceFixture(Path dir, LabGateway gateway) throws GeneralSecurityException {
        this.dir = dir;
        this.gateway = gateway;
        this.root = gateway.caCertificate();
        this.trust = trustOnly(root);
    }

    /** Starts a lab on any free port. */
    public static LabDeviceFixture start(Path dir) throws Exception {
        return start(dir, 0);
    }

    /** Starts a lab on {@code port} (0 = any free one). */
    public static LabDeviceFixture start(Path dir, int port) throws Exception {
        return start(dir, LabConfig.of(writeLab(dir), dir.resolve("state")).withPort(port));
    }

    /** Starts a lab whose long polls end after {@code maxNotifyWait}. */
    public static LabDeviceFixture startWithNotifyWait(Path dir, java.time.Duration maxNotifyWait) throws Exception {
        LabConfig c = LabConfig.of(writeLab(dir), dir.resolve("state"));
        return start(dir, new LabConfig(c.labFile(), c.stateDir(), c.bindAddress(), 0, c.clock(), maxNotifyWait));
    }

    private static LabDeviceFixture start(Path dir, LabConfig config) throws Exception {
        return new LabDeviceFixture(dir, LabGateway.start(config));
    }

    /** Enrolls this device, as {@code imelab enroll --lab} does. */
    public LabDeviceFixture enroll(String deviceName) throws Exception {
        key = deviceKey();
        byte[] csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + deviceName), key.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate())).getEncoded();
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new javax.net.ssl.TrustManager[] {trust}, null);
        OkHttpClient http = new OkHttpClient.Builder().sslSocketFactory(tls.getSocketFactory(), trust).build();
        Request post = new Request.Builder().url(gateway.baseUrl() + "/lab/enroll")
                .post(RequestBody.create(JSON.write(EnrollRequest.forThisMachine(csr, deviceName)),
                        MediaType.get("application/json")))
                .build();
        try (Response r = http.newCall(post).execute()) {
            String body = r.body().string();
            if (r.code() != 200) {
                throw new IOException("enrollment failed: HTTP " + r.code() + " " + body);
            }
            enrollment = JSON.read(body, EnrollResponse.class);
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        deviceCertificate = certificates(enrollment.certificateChain()).getFirst();
        return this;
    }

    /** Mutual TLS as the enrolled device. */
    public SSLContext deviceTls() throws GeneralSecurityException {
        return tls(key.getPrivate(), certificates(enrollment.certificateChain()));
    }

    /** TLS that trusts the lab but shows no client certificate. */
    public SSLContext anonymousTls() throws GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new javax.net.ssl.TrustManager[] {trust}, null);
        return ctx;
    }

    /** A client certificate the lab never issued (self-signed, same subject). */
    public SSLContext strangerTls() throws Exception {
        KeyPair k = deviceKey();
        Instant now = Instant.now();
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(k.getPrivate());
        X509Certificate self = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                new X500Name("CN=" + enrollment.deviceId()), BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(1, ChronoUnit.HOURS)), Date.from(now.plus(1, ChronoUnit.DAYS)),
                new X500Name("CN=" + enrollment.deviceId()), k.getPublic()).build(signer));
        return tls(k.getPrivate(), List.of(self));
    }

    private SSLContext tls(PrivateKey privateKey, List<X509Certificate> chain) throws GeneralSecurityException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            char[] pw = "device".toCharArray();
            ks.setKeyEntry("device", privateKey, pw, chain.toArray(Certificate[]::new));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pw);
            X509ExtendedKeyManager keys = (X509ExtendedKeyManager) kmf.getKeyManagers()[0];
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(new KeyManager[] {new Presenting(keys)}, new javax.net.ssl.TrustManager[] {trust}, null);
            return ctx;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Presents the device certificate whatever issuers the server asks for, as the IME (and
     * cert-picker's key manager) does; the JDK's own would stay silent for a stranger certificate.
     */
    private static final class Presenting extends X509ExtendedKeyManager {
        private final X509ExtendedKeyManager keys;

        Presenting(X509ExtendedKeyManager keys) {
            this.keys = keys;
        }

        @Override public String chooseClientAlias(String[] t, java.security.Principal[] i, java.net.Socket s) { return "device"; }
        @Override public String chooseEngineClientAlias(String[] t, java.security.Principal[] i, javax.net.ssl.SSLEngine e) { return "device"; }
        @Override public String[] getClientAliases(String t, java.security.Principal[] i) { return new String[] {"device"}; }
        @Override public X509Certificate[] getCertificateChain(String a) { return keys.getCertificateChain(a); }
        @Override public PrivateKey getPrivateKey(String a) { return keys.getPrivateKey(a); }
        @Override public String[] getServerAliases(String t, java.security.Principal[] i) { return null; }
        @Override public String chooseServerAlias(String t, java.security.Principal[] i, java.net.Socket s) { return null; }
    }

    /** Generating RSA keys is slow on a busy machine: one per test JVM is enough for these tests. */
    private static synchronized KeyPair deviceKey() throws GeneralSecurityException {
        if (sharedKey == null) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            sharedKey = g.generateKeyPair();
        }
        return sharedKey;
    }

    private static X509TrustManager trustOnly(X509Certificate root) throws GeneralSecurityException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("lab-root", root);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(ks);
            return (X509TrustManager) tmf.getTrustManagers()[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<X509Certificate> certificates(String pem) throws GeneralSecurityException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        return cf.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).stream()
                .map(c -> (X509Certificate) c).toList();
    }

    /** The real "Get policies" element, as logged by a 2026 device. */
    public static String realPolicyObject() {
        String marker = "Get policies = ";
        String array;
        try (InputStream in = LabDeviceFixture.class.getResourceAsStream("/real-artefacts/blog-appworkload-ps-installer-2026.txt")) {
            array = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith(marker)).map(l -> l.substring(marker.length())).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return array.substring(1, array.length() - 1);
    }

    /** Writes the test lab file (the real app and a malformed copy, for all devices) into {@code dir}. */
    public static Path writeLab(Path dir) throws IOException {
        String real = realPolicyObject();
        String malformed = real.replace(REAL_APP, MALFORMED_APP)
                .replace("{\\\"ReturnCode\\\":1618,\\\"Type\\\":4}", "{\\\"ReturnCode\\\":1618,\\\"Type\\\":9}");
        if (malformed.equals(real.replace(REAL_APP, MALFORMED_APP))) {
            throw new IllegalStateException("the sample no longer has the return code the test breaks");
        }
        String lab = "{\"name\":\"agent test lab\",\"checkinIntervalMinutes\":" + LAB_INTERVAL_MINUTES + ",\"apps\":["
                + "{\"sideCar\":" + real + ",\"targets\":[\"allDevices\"]},"
                + "{\"sideCar\":" + malformed + ",\"targets\":[\"allDevices\"]}]}";
        Files.createDirectories(dir);
        Path file = dir.resolve("lab.json");
        Files.writeString(file, lab);
        return file;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        gateway.close();
    }
}
