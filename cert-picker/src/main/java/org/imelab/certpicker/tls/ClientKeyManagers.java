package org.imelab.certpicker.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import org.imelab.certpicker.CertificateCandidate;
import org.imelab.certpicker.CertificateSource;
import org.imelab.certpicker.CertificateStoreException;

/**
 * TLS client authentication with the picked certificate. The key comes from the store it lives
 * in: SunMSCAPI ({@code Windows-MY-LOCALMACHINE} / {@code Windows-MY-CURRENTUSER}) on Windows,
 * the portable store's PEM or PKCS#12 key elsewhere.
 */
public final class ClientKeyManagers {
    /** The key provider that holds TPM keys on Windows. */
    public static final String PLATFORM_CRYPTO_PROVIDER = "Microsoft Platform Crypto Provider";

    private ClientKeyManagers() {
    }

    /**
     * A key manager that presents exactly this certificate.
     *
     * @throws CertificateStoreException when the store has no usable key for it
     */
    public static X509ExtendedKeyManager forCertificate(CertificateSource source, CertificateCandidate candidate) {
        KeyStore.PrivateKeyEntry entry = source.privateKeyEntry(candidate).orElseThrow(() ->
                new CertificateStoreException("No usable private key for certificate " + candidate.thumbprint()
                        + " in " + candidate.storeName() + " (" + source.describe() + ")", null));
        Certificate[] chain = entry.getCertificateChain();
        X509Certificate[] x509 = new X509Certificate[chain.length];
        for (int i = 0; i < chain.length; i++) {
            x509[i] = (X509Certificate) chain[i];
        }
        return new FixedKeyManager(candidate.thumbprint(), entry.getPrivateKey(), x509);
    }

    /** An SSLContext for the gateway client: this certificate, and the given trust. */
    public static SSLContext sslContext(X509ExtendedKeyManager keyManager, TrustManager[] trust)
            throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(new KeyManager[] {keyManager}, trust, null);
        return context;
    }

    /**
     * TLS versions to offer with this certificate. A TPM-held RSA key often cannot make the RSA-PSS
     * signature TLS 1.3 requires for CertificateVerify (style.md §4 Q2), so such keys get TLS 1.2.
     */
    public static List<String> protocolsFor(CertificateCandidate candidate) {
        return needsTls12(candidate) ? List.of("TLSv1.2") : List.of("TLSv1.3", "TLSv1.2");
    }

    /** Restricts the handshake for keys that cannot do RSA-PSS: TLS 1.2 with PKCS#1 v1.5 / ECDSA signatures. */
    public static void restrictFor(CertificateCandidate candidate, SSLParameters parameters) {
        if (needsTls12(candidate)) {
            parameters.setProtocols(new String[] {"TLSv1.2"});
            parameters.setSignatureSchemes(new String[] {"rsa_pkcs1_sha256", "rsa_pkcs1_sha384", "rsa_pkcs1_sha512",
                "ecdsa_secp256r1_sha256", "ecdsa_secp384r1_sha384"});
        }
    }

    static boolean needsTls12(CertificateCandidate candidate) {
        return PLATFORM_CRYPTO_PROVIDER.equalsIgnoreCase(candidate.keyProvider())
                && "RSA".equals(candidate.certificate().getPublicKey().getAlgorithm());
    }
}
