package org.imelab.certpicker.portable;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

/** Whether a private key belongs to a certificate, checked without trusting file names. */
final class KeyPairs {
    private static final byte[] PROBE = "imelab key pair probe".getBytes(StandardCharsets.US_ASCII);

    private KeyPairs() {
    }

    static boolean matches(X509Certificate certificate, PrivateKey key) {
        PublicKey pub = certificate.getPublicKey();
        if (pub instanceof RSAPublicKey rsaPub && key instanceof RSAPrivateKey rsaKey) {
            return rsaPub.getModulus().equals(rsaKey.getModulus());
        }
        String alg = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (alg == null || !pub.getAlgorithm().equals(key.getAlgorithm())) {
            return false;
        }
        try {
            Signature s = Signature.getInstance(alg);
            s.initSign(key);
            s.update(PROBE);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(pub);
            v.update(PROBE);
            return v.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
