package org.imelab.agent.gateway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.imelab.certpicker.CertificateCandidate;
import org.imelab.certpicker.StoreLocation;
import org.imelab.certpicker.portable.PortableCertificateSource;
import org.imelab.gateway.lab.EnrollRequest;
import org.imelab.gateway.lab.EnrollResponse;
import org.imelab.gateway.protocol.SideCarJson;

/**
 * The device side of {@code POST /lab/enroll}: a new RSA key that never leaves this machine, a
 * PKCS#10 request for it, and the MDM certificate the lab issues stored with the key in the
 * portable {@code LocalMachine\My} store, where GetMDMCert finds it like any MDM certificate.
 */
public final class LabEnrollment {
    /** Intune MDM certificates are RSA 2048. */
    static final int KEY_BITS = 2048;

    private LabEnrollment() {
    }

    /** What enrolling gave. */
    public record Enrolled(String deviceId, CertificateCandidate certificate) {
    }

    /**
     * @param labBaseUrl the lab's management root, e.g. {@code https://127.0.0.1:8443}
     * @param trust trusts the lab's root for the lab's TLS certificate
     * @throws IOException when the lab cannot be reached or refuses (its answer in the message)
     */
    public static Enrolled enroll(String labBaseUrl, X509TrustManager trust, PortableCertificateSource store,
            String deviceName, SideCarJson json) throws IOException, GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(KEY_BITS);
        KeyPair key = g.generateKeyPair();
        byte[] csr;
        try {
            csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + deviceName.replace(",", " ")),
                    key.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate()))
                    .getEncoded();
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the certificate request: " + e.getMessage(), e);
        }
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {trust}, null);
        OkHttpClient http = new OkHttpClient.Builder().sslSocketFactory(tls.getSocketFactory(), trust)
                .callTimeout(Duration.ofSeconds(60)).build();
        EnrollResponse answer;
        try {
            Request post = new Request.Builder().url(labBaseUrl + "/lab/enroll")
                    .post(RequestBody.create(json.write(EnrollRequest.forThisMachine(csr, deviceName)),
                            MediaType.get("application/json; charset=utf-8")))
                    .build();
            try (Response r = http.newCall(post).execute()) {
                String body = r.body() == null ? "" : r.body().string();
                if (r.code() != 200) {
                    throw new IOException("the lab refused the enrollment: HTTP " + r.code() + ": " + body);
                }
                answer = json.read(body, EnrollResponse.class);
            }
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificates(
                new ByteArrayInputStream(answer.certificateChain().getBytes(StandardCharsets.US_ASCII)))
                .iterator().next();
        CertificateCandidate stored = store.add(StoreLocation.LOCAL_MACHINE, certificate, key.getPrivate());
        return new Enrolled(answer.deviceId(), stored);
    }
}
