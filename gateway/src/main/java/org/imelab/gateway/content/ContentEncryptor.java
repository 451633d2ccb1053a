package org.imelab.gateway.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;

/**
 * Encrypts a plaintext zip into the inner {@code .intunewin} file (C §4.3): fresh random AES and
 * HMAC keys and IV, {@code [HMAC(32)][IV(16)][AES-256-CBC ciphertext]}, the HMAC keyed with MacKey
 * over IV and ciphertext, FileDigest the SHA-256 of the plaintext. One streaming pass; the MAC is
 * written into the header once the ciphertext is complete.
 */
public final class ContentEncryptor {
    private static final int CHUNK = 1 << 20;
    private final SecureRandom random;

    public ContentEncryptor(SecureRandom random) {
        this.random = random;
    }

    public ContentEncryptor() {
        this(new SecureRandom());
    }

    /** Encrypts {@code plaintext} into {@code out} (created or replaced) and returns its keys. */
    public EncryptionInfo encrypt(Path plaintext, Path out) throws IOException {
        byte[] key = randomBytes(32);
        byte[] macKey = randomBytes(32);
        byte[] iv = randomBytes(ContentCrypto.IV_LENGTH);
        Cipher cipher = ContentCrypto.aes(Cipher.ENCRYPT_MODE, key, iv);
        Mac mac = ContentCrypto.hmac(macKey);
        MessageDigest digest = ContentCrypto.sha256();
        mac.update(iv);
        byte[] in = new byte[CHUNK];
        byte[] ct = new byte[CHUNK + 32];
        try (InputStream src = Files.newInputStream(plaintext);
             FileChannel dst = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(dst, ByteBuffer.allocate(ContentCrypto.HEADER_LENGTH).position(ContentCrypto.MAC_LENGTH)
                    .put(iv).flip());
            int n;
            while ((n = src.readNBytes(in, 0, CHUNK)) > 0) {
                int k = 0;
                for (int off = 0; off < n; off += ContentCrypto.SLICE) { // why slices: ContentCrypto.SLICE
                    int len = Math.min(ContentCrypto.SLICE, n - off);
                    digest.update(in, off, len);
                    int made = cipher.update(in, off, len, ct, k);
                    mac.update(ct, k, made);
                    k += made;
                }
                writeFully(dst, ByteBuffer.wrap(ct, 0, k));
            }
            int k = cipher.doFinal(ct, 0);
            mac.update(ct, 0, k);
            writeFully(dst, ByteBuffer.wrap(ct, 0, k));
            byte[] tag = mac.doFinal();
            dst.position(0);
            writeFully(dst, ByteBuffer.wrap(tag));
            dst.force(false);
            return new EncryptionInfo(key, macKey, iv, tag, EncryptionInfo.PROFILE_VERSION_1, digest.digest(),
                    EncryptionInfo.SHA256);
        } catch (ShortBufferException | javax.crypto.IllegalBlockSizeException | javax.crypto.BadPaddingException e) {
            throw new IllegalStateException("AES encryption failed unexpectedly", e);
        }
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }
}
