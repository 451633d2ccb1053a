package org.imelab.gateway.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;

/**
 * What happens to the decrypted bytes, on two threads of its own so the decrypting thread is never
 * held up: one hashes each buffer, the next writes it to the staging file and hands it back. The
 * buffers are a fixed ring allocated once per package, so memory does not grow with its size. On a
 * write error the writer keeps draining (so no stage blocks) and the error is reported at the end.
 */
final class PlaintextPipeline {
    private static final ByteBuffer END = ByteBuffer.allocate(0);

    private final BlockingQueue<ByteBuffer> free;
    private final BlockingQueue<ByteBuffer> toDigest;
    private final BlockingQueue<ByteBuffer> toWrite;
    private final Path target;
    private final MessageDigest sha = ContentCrypto.sha256();
    private final Thread digester;
    private final Thread writer;
    private volatile byte[] digest;
    private volatile long written;
    private volatile IOException failure;

    /** Starts both threads; {@code target} must be a new, empty file (the decryptor's staging file). */
    PlaintextPipeline(Path target, ThreadFactory threads, int buffers, int capacity) {
        this.target = target;
        free = new ArrayBlockingQueue<>(buffers);
        toDigest = new ArrayBlockingQueue<>(buffers + 1);
        toWrite = new ArrayBlockingQueue<>(buffers + 1);
        for (int i = 0; i < buffers; i++) {
            free.add(ByteBuffer.allocate(capacity));
        }
        digester = threads.newThread(this::digestLoop);
        writer = threads.newThread(this::writeLoop);
        digester.start();
        writer.start();
    }

    /** An empty buffer to decrypt into; blocks while all of them are in flight. */
    ByteBuffer take() throws InterruptedException {
        return free.take();
    }

    /** Hands over a buffer holding {@code length} plaintext bytes from index 0. */
    void put(ByteBuffer b, int length) throws InterruptedException {
        toDigest.put(b.limit(length));
    }

    /** Sends the end marker through and waits for both threads. */
    void finish() throws InterruptedException {
        toDigest.put(END);
        digester.join();
        writer.join();
    }

    /** After {@link #finish()}: the SHA-256 of everything put, or the write error. */
    byte[] digest() throws IOException {
        if (failure != null) {
            throw failure;
        }
        return digest;
    }

    long written() {
        return written;
    }

    private void digestLoop() {
        try {
            ByteBuffer b;
            while ((b = toDigest.take()) != END) {
                byte[] a = b.array();
                for (int off = 0, n = b.limit(); off < n; off += ContentCrypto.SLICE) {
                    sha.update(a, off, Math.min(ContentCrypto.SLICE, n - off));
                }
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
            // not TRUNCATE_EXISTING: on ext4 a file truncated to 0 is flushed to disk when closed
            // (auto_da_alloc), which would write the whole plaintext out inside the timed phase
            out = FileChannel.open(target, StandardOpenOption.WRITE);
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
