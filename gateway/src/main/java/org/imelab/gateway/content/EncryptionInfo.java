package org.imelab.gateway.content;

import java.util.Arrays;
import java.util.Objects;

/**
 * The keys and checksums of one encrypted content file, as in Detection.xml's {@code EncryptionInfo}
 * and in the service's {@code DecryptInfo} (C §3.4, §4.3). Byte arrays are copied in and out; the
 * string form never shows key material, so an accidental log line leaks nothing.
 *
 * @param encryptionKey       AES-256 key (32 bytes)
 * @param macKey              HMAC-SHA256 key (32 bytes)
 * @param initializationVector AES-CBC IV (16 bytes); the file carries it too, after the MAC
 * @param mac                 HMAC-SHA256 over IV and ciphertext (32 bytes), or null when the
 *                            source did not say (the file's own header is then the reference)
 * @param profileIdentifier   {@code ProfileVersion1}
 * @param fileDigest          SHA-256 of the plaintext zip (32 bytes)
 * @param fileDigestAlgorithm {@code SHA256}
 */
public record EncryptionInfo(byte[] encryptionKey, byte[] macKey, byte[] initializationVector, byte[] mac,
                             String profileIdentifier, byte[] fileDigest, String fileDigestAlgorithm) {

    public static final String PROFILE_VERSION_1 = "ProfileVersion1";
    public static final String SHA256 = "SHA256";

    public EncryptionInfo {
        encryptionKey = copy(Objects.requireNonNull(encryptionKey, "encryptionKey"));
        macKey = copy(Objects.requireNonNull(macKey, "macKey"));
        initializationVector = copy(Objects.requireNonNull(initializationVector, "initializationVector"));
        mac = mac == null ? null : copy(mac);
        fileDigest = copy(Objects.requireNonNull(fileDigest, "fileDigest"));
        Objects.requireNonNull(profileIdentifier, "profileIdentifier");
        Objects.requireNonNull(fileDigestAlgorithm, "fileDigestAlgorithm");
    }

    @Override public byte[] encryptionKey() { return copy(encryptionKey); }
    @Override public byte[] macKey() { return copy(macKey); }
    @Override public byte[] initializationVector() { return copy(initializationVector); }
    @Override public byte[] mac() { return mac == null ? null : copy(mac); }
    @Override public byte[] fileDigest() { return copy(fileDigest); }

    /**
     * Checks what a decryptor relies on: key and digest lengths, the profile and the algorithm. A
     * package that fails here is refused before a byte of it is read.
     */
    public void requireSupported() throws IntuneWinFormatException {
        if (!PROFILE_VERSION_1.equals(profileIdentifier)) {
            throw new IntuneWinFormatException("Unsupported ProfileIdentifier '" + profileIdentifier
                    + "' (only " + PROFILE_VERSION_1 + " content is supported)");
        }
        if (!SHA256.equalsIgnoreCase(fileDigestAlgorithm)) {
            throw new IntuneWinFormatException("Unsupported FileDigestAlgorithm '" + fileDigestAlgorithm
                    + "' (only " + SHA256 + " is supported)");
        }
        requireLength("EncryptionKey", encryptionKey, 32);
        requireLength("MacKey", macKey, 32);
        requireLength("InitializationVector", initializationVector, 16);
        requireLength("FileDigest", fileDigest, 32);
        if (mac != null) {
            requireLength("Mac", mac, 32);
        }
    }

    private static void requireLength(String name, byte[] value, int length) throws IntuneWinFormatException {
        if (value.length != length) {
            throw new IntuneWinFormatException(name + " must be " + length + " bytes, found " + value.length);
        }
    }

    private static byte[] copy(byte[] b) {
        return b.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncryptionInfo e
                && Arrays.equals(encryptionKey, e.encryptionKey) && Arrays.equals(macKey, e.macKey)
                && Arrays.equals(initializationVector, e.initializationVector) && Arrays.equals(mac, e.mac)
                && profileIdentifier.equals(e.profileIdentifier) && Arrays.equals(fileDigest, e.fileDigest)
                && fileDigestAlgorithm.equals(e.fileDigestAlgorithm);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(fileDigest);
    }

    /** No key material: only the profile, the algorithm and the public digest. */
    @Override
    public String toString() {
        return "EncryptionInfo[profile=" + profileIdentifier + ", digestAlgorithm=" + fileDigestAlgorithm
                + ", fileDigest=" + java.util.Base64.getEncoder().encodeToString(fileDigest) + "]";
    }
}
