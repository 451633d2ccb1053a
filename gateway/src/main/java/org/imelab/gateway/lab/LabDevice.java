package org.imelab.gateway.lab;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A device enrolled in the lab, with the MDM certificate the lab issued it (the one it must
 * present on every session).
 */
public record LabDevice(String deviceId, String deviceName, String platform, X509Certificate certificate,
                        Instant enrolledAt) {

    /** The certificate's SHA-1 thumbprint, upper-case hex, as Windows shows it. */
    public String thumbprint() {
        return thumbprint(certificate);
    }

    public static String thumbprint(X509Certificate certificate) {
        try {
            return HexFormat.of().withUpperCase().formatHex(
                    MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
    }
}
