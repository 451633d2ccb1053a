package org.imelab.certpicker;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;

/**
 * One certificate found in a store.
 *
 * @param certificate   the public certificate (never the key)
 * @param thumbprint    SHA-1 thumbprint, upper-case hex
 * @param hasPrivateKey whether the store holds a private key for it that this process can use
 * @param location      the store it was found in
 * @param keyProvider   where the key lives (a CSP/KSP name on Windows, e.g. "Microsoft Platform
 *                      Crypto Provider" for a TPM key; "" when unknown or keyless)
 */
public record CertificateCandidate(X509Certificate certificate, String thumbprint, boolean hasPrivateKey,
                                   StoreLocation location, String keyProvider) {

    public CertificateCandidate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(location, "location");
        thumbprint = Thumbprints.normalize(Objects.requireNonNull(thumbprint, "thumbprint"));
        keyProvider = keyProvider == null ? "" : keyProvider;
    }

    public static CertificateCandidate of(X509Certificate certificate, boolean hasPrivateKey,
                                          StoreLocation location, String keyProvider) {
        return new CertificateCandidate(certificate, Thumbprints.of(certificate), hasPrivateKey, location, keyProvider);
    }

    /** The subject as .NET prints it, e.g. {@code CN=07bc0167-9061-43b7-b243-0bb6aeda736e}. */
    public String subjectName() {
        return SubjectNames.dotNet(certificate.getSubjectX500Principal());
    }

    public Instant notBefore() {
        return certificate.getNotBefore().toInstant();
    }

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    /** Within its validity period at {@code now} (both ends inclusive, as X.509 says). */
    public boolean isTimeValid(Instant now) {
        return !now.isBefore(notBefore()) && !now.isAfter(notAfter());
    }

    public boolean isExpired(Instant now) {
        return now.isAfter(notAfter());
    }

    /** {@code LocalMachine\My}. */
    public String storeName() {
        return location.storeName();
    }
}
