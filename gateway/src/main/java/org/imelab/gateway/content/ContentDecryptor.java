package org.imelab.gateway.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.concurrent.ThreadFactory;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;

/**
 * Content phase 2: verifies the HMAC, decrypts and checks the SHA-256 digest of a downloaded
 * {@code .intunewin} body in one read of it.
 *
 * <p>The steps overlap on the two cores: the calling thread reads the ciphertext, feeds the HMAC
 * and decrypts, slice by slice while the slice is in cache; a {@link PlaintextPipeline} hashes the
 * plaintext on a second thread and writes it on a third (writing is mostly kernel time, which then
 * overlaps with hashing). They pass a fixed ring of 1 MiB buffers, so memory use does not depend
 * on the package size.
 *
 * <p>The plaintext goes to a temporary file beside the target and is moved into place only when
 * the MAC and the digest are both right; otherwise it is deleted and the matching
 * {@link ContentException} is thrown (a MAC mismatch wins: it means the bytes were altered).
 */
public final class ContentDecryptor {
    static final int CHUNK = 1 << 20;
    private static final int BUFFERS = 6;

    private final ThreadFactory threads;

    public ContentDecryptor(ThreadFactory threads) {
        this.threads = threads;
    }

    /** Hashes and writes on two daemon platform threads of their own per call. */
    public ContentDecryptor() {
        this(Thread.ofPlatform().name("content-digest-", 1).daemon(true).factory());
    }

    public DecryptedContent decrypt(Path encrypted, EncryptionInfo keys, Path plaintextZip)
            throws IOException, ContentException {
        try (FileChannel in = FileChannel.open(encrypted, StandardOpenOption.READ)) {
            // straight into the heap array: no stream layer between the page cache and the cipher
            return decrypt((b, off, len) -> {
                ByteBuffer into = ByteBuffer.wrap(b, off, len);
                while (into.hasRemaining() && in.read(into) >= 0) {
                    // until the array is full or the file ends
                }
                return into.position() - off;
            }, keys, plaintextZip);
        }
    }

    /**
     * Reads {@code encrypted} to its end and writes the verified plaintext zip to
     * {@code plaintextZip} (replacing it). Nothing is left at {@code plaintextZip}'s temporary
     * sibling whatever happens.
     */
    public DecryptedContent decrypt(InputStream encrypted, EncryptionInfo keys, Path plaintextZip)
            throws IOException, ContentException {
        return decrypt(encrypted::readNBytes, keys, plaintextZip);
    }

    /** Fills {@code b[off, off+len)} as far as the input goes; returns how many bytes it read. */
    private interface Source {
        int readFully(byte[] b, int off, int len) throws IOException;
    }

    private DecryptedContent decrypt(Source encrypted, EncryptionInfo keys, Path plaintextZip)
            throws IOException, ContentException {
        keys.requireSupported();
        byte[] header = new byte[ContentCrypto.HEADER_LENGTH];
        int headerRead = encrypted.readFully(header, 0, header.length);
        if (headerRead < ContentCrypto.HEADER_LENGTH) {
            throw new IntuneWinFormatException("Encrypted content is " + headerRead
                    + " bytes long, shorter than its " + ContentCrypto.HEADER_LENGTH + "-byte header");
        }
        byte[] headerMac = Arrays.copyOfRange(header, 0, ContentCrypto.MAC_LENGTH);
        // the file's IV is the one the ciphertext was made with, and the MAC covers it
        byte[] iv = Arrays.copyOfRange(header, ContentCrypto.MAC_LENGTH, ContentCrypto.HEADER_LENGTH);
        Mac mac = ContentCrypto.hmac(keys.macKey());
        mac.update(iv);
        Cipher cipher = ContentCrypto.aes(Cipher.DECRYPT_MODE, keys.encryptionKey(), iv);

        Path dir = plaintextZip.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, plaintextZip.getFileName().toString(), ".part");
        boolean done = false;
        try {
            PlaintextPipeline pipeline = new PlaintextPipeline(temp, threads, BUFFERS, CHUNK + 32);
            boolean badPadding = false;
            long cipherBytes = 0;
            try {
                byte[] in = new byte[CHUNK];
                int n;
                while ((n = encrypted.readFully(in, 0, CHUNK)) > 0) {
                    cipherBytes += n;
                    ByteBuffer out = pipeline.take();
                    byte[] plain = out.array();
                    int k = 0;
                    for (int off = 0; off < n; off += ContentCrypto.SLICE) {
                        int len = Math.min(ContentCrypto.SLICE, n - off);
                        mac.update(in, off, len);
                        k += cipher.update(in, off, len, plain, k);
                    }
                    pipeline.put(out, k);
                }
                ByteBuffer last = pipeline.take();
                int k;
                try {
                    k = cipher.doFinal(last.array(), 0);
                } catch (BadPaddingException | IllegalBlockSizeException e) {
                    badPadding = true;
                    k = 0;
                }
                pipeline.put(last, k);
            } finally {
                pipeline.finish();
            }
            byte[] computed = mac.doFinal();
            byte[] expected = keys.mac();
            if (!MessageDigest.isEqual(computed, headerMac) || (expected != null && !MessageDigest.isEqual(computed, expected))) {
                throw new HmacMismatchException("HMAC-SHA256 of the encrypted content does not match "
                        + (MessageDigest.isEqual(computed, headerMac) ? "the expected Mac" : "the file header")
                        + " (" + (cipherBytes + ContentCrypto.HEADER_LENGTH) + " bytes read)");
            }
            if (badPadding || cipherBytes % 16 != 0) {
                throw new IntuneWinFormatException("Encrypted content has a valid MAC but does not decrypt "
                        + "with the EncryptionKey (bad AES padding)");
            }
            if (!MessageDigest.isEqual(pipeline.digest(), keys.fileDigest())) {
                throw new DigestMismatchException("SHA-256 of the decrypted content does not match FileDigest");
            }
            Files.move(temp, plaintextZip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            done = true;
            return new DecryptedContent(plaintextZip, pipeline.written());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while decrypting content", e);
        } catch (ShortBufferException e) {
            throw new IllegalStateException("Decryption buffer too small", e);
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
