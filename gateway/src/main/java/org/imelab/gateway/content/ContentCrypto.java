package org.imelab.gateway.content;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The three primitives of the format (C §4.3) in one place: AES-256-CBC with PKCS#7 padding,
 * HMAC-SHA256, SHA-256. The JDK providers are asked for by name (SunJCE, SUN) because their
 * AES-NI/SHA-NI intrinsics are what makes streaming a 1 GB package as fast as openssl; a pure-Java
 * provider registered first (Bouncy Castle) would be several times slower. A JDK without them
 * falls back to whatever provider it has.
 */
final class ContentCrypto {
    /** The encrypted file starts with the MAC, then the IV, then the ciphertext. */
    static final int MAC_LENGTH = 32;
    static final int IV_LENGTH = 16;
    static final int HEADER_LENGTH = MAC_LENGTH + IV_LENGTH;
    /**
     * The most bytes handed to one update call. HotSpot swaps in the whole-buffer AES-CBC and
     * SHA-256 intrinsics only once the calling method is compiled by C2, which counts calls: fed
     * 1 MiB at a time, a fresh JVM decrypts a 1 GB package on the slow per-block path (about
     * 0.7 GB/s against 9 GB/s and more). 16 KiB calls reach C2 within the first 200 MB or so (8 to 32
     * KiB measured within noise of each other), and a slice stays in the L1/L2 cache between the MAC
     * and the cipher that read it.
     */
    static final int SLICE = 16 << 10;

    private ContentCrypto() {
    }

    static Cipher aes(int mode, byte[] key, byte[] iv) {
        try {
            // "PKCS5Padding" is the JCA name of PKCS#7 padding for 16-byte blocks
            Cipher c;
            try {
                c = Cipher.getInstance("AES/CBC/PKCS5Padding", "SunJCE");
            } catch (NoSuchProviderException e) {
                c = Cipher.getInstance("AES/CBC/PKCS5Padding");
            }
            c.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC is not available in this JDK", e);
        }
    }

    static Mac hmac(byte[] key) {
        try {
            Mac m;
            try {
                m = Mac.getInstance("HmacSHA256", "SunJCE");
            } catch (NoSuchProviderException e) {
                m = Mac.getInstance("HmacSHA256");
            }
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    static MessageDigest sha256() {
        try {
            try {
                return MessageDigest.getInstance("SHA-256", "SUN");
            } catch (NoSuchProviderException e) {
                return MessageDigest.getInstance("SHA-256");
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }
}
