package org.imelab.certpicker;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/** The certificate thumbprint as Windows shows it: SHA-1 over the DER encoding, upper-case hex. */
public final class Thumbprints {
    private Thumbprints() {
    }

    public static String of(X509Certificate certificate) {
        try {
            return of(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("Certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    public static String of(byte[] der) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JDK", e);
        }
    }

    /** Upper case without spaces or colons, so {@code ab:cd ...} from other tools compares equal. */
    public static String normalize(String thumbprint) {
        return thumbprint.replaceAll("[\\s:]", "").toUpperCase(Locale.ROOT);
    }
}
