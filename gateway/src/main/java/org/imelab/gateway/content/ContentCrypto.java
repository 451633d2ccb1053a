package org.imelab.gateway.content;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The three primitives of the format (C §4.3) in one place: AES-256-CBC with PKCS#7 padding,
 * HMAC-SHA256, SHA-256. The JDK providers are used because their AES-NI/SHA-NI intrinsics are what
 * makes streaming a 1 GB package as fast as openssl.
 */
final class ContentCrypto {
    /** The encrypted file starts with the MAC, then the IV, then the ciphertext. */
    static final int MAC_LENGTH = 32;
    static final int IV_LENGTH = 16;
    static final int HEADER_LENGTH = MAC_LENGTH + IV_LENGTH;

    private ContentCrypto() {
    }

    static Cipher aes(int mode, byte[] key, byte[] iv) {
        try {
            // "PKCS5Padding" is the JCA name of PKCS#7 padding for 16-byte blocks
            Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
            c.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC is not available in this JDK", e);
        }
    }

    static Mac hmac(byte[] key) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }
}
