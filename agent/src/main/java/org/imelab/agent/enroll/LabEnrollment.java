package org.imelab.agent.enroll;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.imelab.certpicker.CertificateCandidate;
import org.imelab.certpicker.CertificateFiles;
import org.imelab.certpicker.StoreLocation;
import org.imelab.certpicker.Thumbprints;
import org.imelab.certpicker.portable.PortableCertificateSource;
import org.imelab.gateway.lab.EnrollRequest;
import org.imelab.gateway.lab.EnrollResponse;
import org.imelab.gateway.protocol.SideCarJson;
import org.imelab.registry.ime.LabEnrollmentKey;

/**
 * MDM enrollment against a lab gateway, standing in for Windows' own enrollment: a fresh RSA key
 * on this machine, a CSR to {@code POST /lab/enroll}, and the issued MDM client certificate (with
 * the Intune extensions) stored with its key in the portable {@code LocalMachine\My}, where the
 * Client Cert Checker will find it. The private key never leaves this process and is never logged.
 */
public final class LabEnrollment {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    /** The device's enrollment: the certificate in the store and the gateway it belongs to. */
    public record Enrolled(CertificateCandidate certificate, String deviceId, String sideCarUrl, boolean reused) {
    }

    private final PortableCertificateSource store;
    private final LabEnrollmentKey record;
    private final SideCarJson json;

    private final GatewayTrust trust;

    public LabEnrollment(PortableCertificateSource store, LabEnrollmentKey record, GatewayTrust trust, SideCarJson json) {
        this.trust = trust;
        this.store = store;
        this.record = record;
        this.json = json;
    }

    /**
     * Reuses the recorded enrollment when it belongs to this lab (same root CA) and its certificate
     * is still in the store and valid; enrolls afresh otherwise.
     */
    public Enrolled ensure(String labBaseUrl, X509Certificate labRoot, X509TrustManager trust, String deviceName,
            Instant now) throws IOException {
        String rootThumbprint = Thumbprints.of(labRoot);
        this.trust.store(labRoot); // the gateway's root, for later check-ins without the lab at hand
        Optional<LabEnrollmentKey.Enrollment> known = record.read()
                .filter(e -> e.labRootThumbprint().equals(rootThumbprint));
        if (known.isPresent()) {
            Optional<CertificateCandidate> cert = store.find(StoreLocation.LOCAL_MACHINE, known.get().deviceCertThumbprint())
                    .filter(CertificateCandidate::hasPrivateKey)
                    .filter(c -> !now.isAfter(c.certificate().getNotAfter().toInstant()));
            if (cert.isPresent()) {
                return new Enrolled(cert.get(), known.get().deviceId(), known.get().sideCarUrl(), true);
            }
        }
        return enroll(labBaseUrl, rootThumbprint, trust, deviceName);
    }

    private Enrolled enroll(String labBaseUrl, String rootThumbprint, X509TrustManager trust, String deviceName)
            throws IOException {
        KeyPair key = newKey();
        EnrollRequest request = EnrollRequest.forThisMachine(csr(key, deviceName), deviceName);
        OkHttpClient http = new OkHttpClient.Builder()
                .sslSocketFactory(TrustOnly.socketFactory(trust), trust)
                .callTimeout(60, TimeUnit.SECONDS)
                .build();
        EnrollResponse response;
        try (Response r = http.newCall(new Request.Builder().url(labBaseUrl + "/lab/enroll")
                .post(RequestBody.create(json.write(request), JSON)).build()).execute()) {
            String body = r.body() == null ? "" : r.body().string();
            if (r.code() != 200) {
                throw new IOException("The lab gateway refused the enrollment: HTTP " + r.code() + " " + body);
            }
            response = json.read(body, EnrollResponse.class);
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        List<X509Certificate> chain = CertificateFiles.readCertificates(
                response.certificateChain().getBytes(StandardCharsets.US_ASCII), "enrollment response");
        if (chain.isEmpty()) {
            throw new IOException("The lab gateway's enrollment response holds no certificate");
        }
        CertificateCandidate stored = store.add(StoreLocation.LOCAL_MACHINE, chain.getFirst(), key.getPrivate());
        record.write(new LabEnrollmentKey.Enrollment(rootThumbprint, stored.thumbprint(), response.deviceId(),
                response.sideCarUrl()));
        return new Enrolled(stored, response.deviceId(), response.sideCarUrl(), false);
    }

    private static KeyPair newKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
    }

    private static byte[] csr(KeyPair key, String deviceName) throws IOException {
        try {
            return new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=" + deviceName.replace(",", "\\,")),
                    key.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate()))
                    .getEncoded();
        } catch (OperatorCreationException e) {
            throw new IOException("Cannot sign the enrollment request", e);
        }
    }
}
