package org.imelab.registry.file;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Mutual exclusion over one store directory: between processes, an OS lock on
 * {@code registry.lock}; between FileRegistry instances of this JVM, a lock shared through a
 * map, because the OS lock is held per process and Java refuses a second overlapping lock on
 * the same file in one JVM. Reentrant for the thread that holds it.
 *
 * <p>Taking the lock is not interruptible: an interrupt would close the channel, and a registry
 * write, once asked for, completes. The interrupt is kept for the caller to see.
 */
final class StoreLock implements Closeable {
    /** One lock per directory for all instances in this JVM (the OS lock cannot do this part). */
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Path file;
    private final ReentrantLock local;
    private FileChannel channel;
    private FileLock held;

    StoreLock(Path file) throws IOException {
        this.file = file.toAbsolutePath().normalize();
        this.channel = open();
        this.local = IN_THIS_JVM.computeIfAbsent(this.file.toRealPath(), p -> new ReentrantLock());
    }

    void lock() throws IOException {
        local.lock();
        if (local.getHoldCount() > 1 && held != null) {
            return;
        }
        try {
            held = acquire();
        } catch (IOException | RuntimeException | Error e) {
            local.unlock();
            throw e;
        }
    }

    void unlock() throws IOException {
        try {
            if (local.getHoldCount() == 1 && held != null) {
                FileLock l = held;
                held = null;
                boolean interrupted = Thread.interrupted();
                try {
                    if (l.isValid()) {
                        l.release();
                    }
                } finally {
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        } finally {
            local.unlock();
        }
    }

    boolean isHeldByCurrentThread() {
        return local.isHeldByCurrentThread() && held != null;
    }

    private FileLock acquire() throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                try {
                    return channel.lock();
                } catch (ClosedByInterruptException e) {
                    interrupted |= Thread.interrupted();
                    channel = open(); // the interrupt closed it; the lock is still wanted
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private FileChannel open() throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
