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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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
 * and decrypts; a second thread hashes the plaintext and a third writes it (writing is mostly
 * kernel time, which then overlaps with hashing). They pass a fixed ring of 1 MiB buffers, so
 * memory use does not depend on the package size.
 *
 * <p>The plaintext goes to a temporary file beside the target and is moved into place only when
 * the MAC and the digest are both right; otherwise it is deleted and the matching
 * {@link ContentException} is thrown (a MAC mismatch wins: it means the bytes were altered).
 */
public final class ContentDecryptor {
    static final int CHUNK = 1 << 20;
    private static final int BUFFERS = 6;
    private static final ByteBuffer END = ByteBuffer.allocate(0);

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
        try (InputStream in = Files.newInputStream(encrypted)) {
            return decrypt(in, keys, plaintextZip);
        }
    }

    /**
     * Reads {@code encrypted} to its end and writes the verified plaintext zip to
     * {@code plaintextZip} (replacing it). Nothing is left at {@code plaintextZip}'s temporary
     * sibling whatever happens.
     */
    public DecryptedContent decrypt(InputStream encrypted, EncryptionInfo keys, Path plaintextZip)
            throws IOException, ContentException {
        keys.requireSupported();
        byte[] header = encrypted.readNBytes(ContentCrypto.HEADER_LENGTH);
        if (header.length < ContentCrypto.HEADER_LENGTH) {
            throw new IntuneWinFormatException("Encrypted content is " + header.length
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
            Pipeline pipeline = new Pipeline(temp, threads);
            boolean badPadding = false;
            long cipherBytes = 0;
            try {
                byte[] in = new byte[CHUNK];
                int n;
                while ((n = encrypted.readNBytes(in, 0, CHUNK)) > 0) {
                    cipherBytes += n;
                    mac.update(in, 0, n);
                    ByteBuffer out = pipeline.free.take();
                    int k = cipher.update(in, 0, n, out.array(), 0);
                    pipeline.toDigest.put(out.limit(k));
                }
                ByteBuffer last = pipeline.free.take();
                try {
                    int k = cipher.doFinal(last.array(), 0);
                    last.limit(k);
                } catch (BadPaddingException | IllegalBlockSizeException e) {
                    badPadding = true;
                    last.limit(0);
                }
                pipeline.toDigest.put(last);
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
            if (pipeline.failure != null) {
                throw pipeline.failure;
            }
            if (!MessageDigest.isEqual(pipeline.digest, keys.fileDigest())) {
                throw new DigestMismatchException("SHA-256 of the decrypted content does not match FileDigest");
            }
            Files.move(temp, plaintextZip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            done = true;
            return new DecryptedContent(plaintextZip, pipeline.written);
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

    /**
     * What happens to the plaintext, on two more threads so the decrypting thread is never held
     * up: one hashes each buffer, the next writes it and hands it back. On a write error the writer
     * keeps draining (so no stage blocks) and the error is reported at the end.
     */
    private static final class Pipeline {
        final BlockingQueue<ByteBuffer> free = new ArrayBlockingQueue<>(BUFFERS);
        final BlockingQueue<ByteBuffer> toDigest = new ArrayBlockingQueue<>(BUFFERS + 1);
        private final BlockingQueue<ByteBuffer> toWrite = new ArrayBlockingQueue<>(BUFFERS + 1);
        private final Path target;
        private final MessageDigest sha = ContentCrypto.sha256();
        private final Thread digester;
        private final Thread writer;
        volatile byte[] digest;
        volatile long written;
        volatile IOException failure;

        Pipeline(Path target, ThreadFactory threads) {
            this.target = target;
            for (int i = 0; i < BUFFERS; i++) {
                free.add(ByteBuffer.allocate(CHUNK + 32));
            }
            digester = threads.newThread(this::digestLoop);
            writer = threads.newThread(this::writeLoop);
            digester.start();
            writer.start();
        }

        /** Sends the end marker through and waits for both threads. */
        void finish() throws InterruptedException {
            toDigest.put(END);
            digester.join();
            writer.join();
        }

        private void digestLoop() {
            try {
                ByteBuffer b;
                while ((b = toDigest.take()) != END) {
                    sha.update(b.array(), 0, b.limit());
                    toWrite.put(b);
                }
                digest = sha.digest();
                toWrite.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IOException("Interrupted while hashing content", e);
            }
        }

        private void writeLoop() {
            FileChannel out = null;
            try {
                out = FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            } catch (IOException e) {
                failure = e;
            }
            long total = 0;
            try {
                ByteBuffer b;
                while ((b = toWrite.take()) != END) {
                    if (failure == null) {
                        try {
                            int n = b.limit();
                            ContentEncryptor.writeFully(out, b.position(0));
                            total += n;
                        } catch (IOException e) {
                            failure = e;
                        }
                    }
                    free.put(b.clear());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IOException("Interrupted while writing content", e);
            } finally {
                written = total;
                if (out != null) {
                    try {
                        out.close();
                    } catch (IOException e) {
                        if (failure == null) {
                            failure = e;
                        }
                    }
                }
            }
        }
    }
}
