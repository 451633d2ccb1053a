package org.imelab.registry.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegistryException;
import org.imelab.registry.tree.KeyNode;
import org.imelab.registry.tree.TreeRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portable registry: a directory holding {@code registry.reg} (a snapshot of the whole
 * store in regedit's export format) and {@code registry.journal} (every batch applied since,
 * one checksummed record each).
 *
 * <ul>
 *   <li><b>Durable:</b> {@link #apply} appends one record and returns once it is on disk, so an
 *       acknowledged write survives {@code kill -9} or a power cut. A record torn by a crash
 *       fails its checksum and is dropped on the next open; it was never acknowledged.</li>
 *   <li><b>Fast:</b> a write costs one journal append. When the journal has grown as large as
 *       the snapshot (and at least {@code compactionMinBytes}), the tree is written as a new
 *       snapshot (temporary file, fsync, atomic rename) and the journal is emptied, so the
 *       work stays proportional to what is written.</li>
 *   <li><b>Shared:</b> several processes (the daemon and the CLI) may open the same directory.
 *       Each write happens under a file lock after catching up on the records the others
 *       appended; reads notice a changed journal and catch up too.</li>
 * </ul>
 *
 * <p>Recovery: the journal header names the snapshot it continues (size and CRC-32C). If a
 * compaction stopped after renaming its snapshot but before emptying the journal, the header
 * does not match; the records are replayed over the new snapshot anyway (each change sets its
 * keys and values to a fixed state, so replaying changes the snapshot already holds gives the
 * same tree) and a compaction restores a matching pair.
 */
public final class FileRegistry extends TreeRegistry {
    public static final String JOURNAL_FILE = "registry.journal";
    public static final String LOCK_FILE = "registry.lock";
    public static final String SNAPSHOT_FILE = Snapshot.FILE;
    /** Below this many journal bytes there is no compaction, whatever the snapshot's size. */
    public static final long DEFAULT_COMPACTION_MIN_BYTES = 1 << 20;

    private static final Logger log = LoggerFactory.getLogger(FileRegistry.class);

    private final Path dir;
    private final long compactionMinBytes;
    private final StoreLock storeLock;
    private final Journal journal;

    /** The journal generation this tree has replayed, and how far. Read without locks by needsRefresh. */
    private volatile long generation;
    private volatile long journalEnd;
    private long snapshotSize;
    private long nextCompactionAt;
    private volatile boolean closed;

    /** Opens (or creates) the store in {@code dir}. */
    public FileRegistry(Path dir) {
        this(dir, DEFAULT_COMPACTION_MIN_BYTES);
    }

    public FileRegistry(Path dir, long compactionMinBytes) {
        this.dir = dir.toAbsolutePath();
        this.compactionMinBytes = compactionMinBytes;
        StoreLock sl = null;
        Journal j = null;
        try {
            Files.createDirectories(this.dir);
            sl = new StoreLock(this.dir.resolve(LOCK_FILE));
            j = new Journal(this.dir.resolve(JOURNAL_FILE));
        } catch (IOException e) {
            closeQuietly(sl, j);
            throw new RegistryException("Cannot open the file registry in " + this.dir + ": " + e, e);
        }
        this.storeLock = sl;
        this.journal = j;
        lock.writeLock().lock();
        try {
            underStoreLock(this::reload);
        } catch (RuntimeException e) {
            closeQuietly(storeLock, journal);
            throw e;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public Path directory() {
        return dir;
    }

    @Override
    public void apply(List<RegOp> ops) {
        ensureOpen();
        lock.writeLock().lock(); // before the store lock, the order refresh() uses too
        try {
            underStoreLock(() -> {
                super.apply(ops);
                maybeCompact();
            });
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Writes a fresh snapshot now and empties the journal. */
    public void compact() {
        ensureOpen();
        lock.writeLock().lock();
        try {
            underStoreLock(() -> {
                catchUp();
                compactNow(journal.header());
            });
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    protected void persist(List<RegOp> physicalOps) {
        if (physicalOps.isEmpty()) {
            return;
        }
        for (RegOp op : physicalOps) {
            for (String segment : op.key().segments()) {
                if (segment.indexOf('\n') >= 0 || segment.indexOf('\r') >= 0 || segment.indexOf('\0') >= 0) {
                    // a .reg file has no way to write these inside [key] lines
                    throw new RegistryException("A key name with a line break or NUL cannot be stored: "
                            + segment.replace("\n", "\\n").replace("\r", "\\r").replace("\0", "\\0"),
                            RegistryException.ERROR_INVALID_PARAMETER, null);
                }
            }
        }
        byte[] payload = OpCodec.encode(physicalOps);
        try {
            journalEnd = journal.append(payload, journalEnd);
        } catch (IOException e) {
            try {
                journal.truncate(journalEnd); // no half record may stay behind the last good one
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw new RegistryException("Could not write to " + dir.resolve(JOURNAL_FILE) + ": " + e, e);
        }
    }

    @Override
    protected boolean needsRefresh() {
        ensureOpen();
        try {
            if (journal.size() != journalEnd) {
                return true;
            }
            Journal.Header h = journal.header();
            return h == null || h.generation() != generation;
        } catch (IOException e) {
            return true; // refresh() reports it
        }
    }

    @Override
    protected void refresh() {
        ensureOpen();
        if (storeLock.isHeldByCurrentThread()) {
            try {
                catchUp();
            } catch (IOException e) {
                throw failure("read", e);
            }
        } else {
            underStoreLock(this::catchUp);
        }
    }

    /** Replays what other processes appended since we last looked. Under both locks. */
    private void catchUp() throws IOException {
        Journal.Header h = journal.header();
        if (h == null || h.generation() != generation || journal.size() < journalEnd) {
            reload(); // another process compacted (or recovered) the store
            return;
        }
        replayFrom(journalEnd);
    }

    /** Rebuilds the tree from the snapshot and the journal. Under both locks. */
    private void reload() throws IOException {
        clearTree();
        Files.deleteIfExists(dir.resolve(Snapshot.TEMP)); // left by a compaction that crashed
        Journal.Header h = journal.header();
        Snapshot.Info snapshot = Snapshot.load(dir, new SectionLoader());
        if (snapshot == null) {
            if (journal.size() > Journal.HEADER_SIZE) {
                throw new RegistryException("The file registry in " + dir + " has a journal but no "
                        + SNAPSHOT_FILE + "; refusing to open it without its snapshot");
            }
            compactNow(h); // a new store
            return;
        }
        snapshotSize = snapshot.size();
        if (h != null && h.continues(snapshot)) {
            generation = h.generation();
            replayFrom(Journal.HEADER_SIZE);
            return;
        }
        log.warn("{}: the journal does not continue {} (an interrupted compaction or an edited snapshot);"
                + " replaying its records over it and compacting", dir, SNAPSHOT_FILE);
        Journal.Scan scan = journal.scan(Journal.HEADER_SIZE, this::replay);
        journalEnd = scan.end();
        compactNow(h);
    }

    /**
     * Builds the tree from a snapshot's changes. The reader gives all values of a section the
     * same key object, so the key's node is looked up once per section, not once per value.
     */
    private final class SectionLoader implements Consumer<RegOp> {
        private RegPath key;
        private KeyNode node;

        @Override
        public void accept(RegOp op) {
            if (op instanceof RegOp.Put p) {
                if (p.key() != key) {
                    key = p.key();
                    node = findOrCreate(key);
                }
                node.putValue(p.name(), p.value());
            } else {
                key = null;
                mutate(op);
            }
        }
    }

    private void replayFrom(long from) throws IOException {
        Journal.Scan scan = journal.scan(from, this::replay);
        if (scan.torn()) {
            // we hold the lock, so no writer is half-way: these bytes are a crashed writer's
            log.warn("{}: dropping {} bytes of an unfinished journal record at offset {}",
                    dir, journal.size() - scan.end(), scan.end());
            journal.truncate(scan.end());
        }
        journalEnd = scan.end();
    }

    private void replay(byte[] payload) {
        List<RegOp> ops;
        try {
            ops = OpCodec.decode(payload);
        } catch (IOException e) {
            throw new RegistryException("Damaged record in " + dir.resolve(JOURNAL_FILE) + ": " + e.getMessage(), e);
        }
        for (RegOp op : ops) {
            mutate(op);
        }
    }

    private void maybeCompact() {
        long journalBytes = journalEnd - Journal.HEADER_SIZE;
        if (journalBytes < Math.max(compactionMinBytes, snapshotSize) || journalEnd < nextCompactionAt) {
            return;
        }
        try {
            compactNow(journal.header());
        } catch (IOException | RuntimeException e) {
            // the write itself is durable in the journal; try again once it has grown further
            nextCompactionAt = journalEnd + Math.max(compactionMinBytes, snapshotSize);
            log.warn("{}: compaction failed, the journal keeps growing until the next attempt: {}", dir, e.toString());
        }
    }

    /** Snapshot of the current tree, then an empty journal that continues it. Under both locks. */
    private void compactNow(Journal.Header previous) throws IOException {
        Snapshot.Info info = Snapshot.write(dir, roots);
        long next = previous != null
                ? Math.max(previous.generation(), generation) + 1
                : ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE); // unknown past: any new number
        journal.reset(new Journal.Header(next, info.size(), info.crc()));
        generation = next;
        journalEnd = Journal.HEADER_SIZE;
        snapshotSize = info.size();
        nextCompactionAt = 0;
    }

    private interface StoreAction {
        void run() throws IOException;
    }

    private void underStoreLock(StoreAction action) {
        try {
            storeLock.lock();
        } catch (IOException e) {
            throw failure("lock", e);
        }
        try {
            action.run();
        } catch (IOException e) {
            throw failure("use", e);
        } finally {
            try {
                storeLock.unlock();
            } catch (IOException e) {
                log.warn("{}: could not release {}: {}", dir, LOCK_FILE, e.toString());
            }
        }
    }

    private RegistryException failure(String what, IOException e) {
        return new RegistryException("Could not " + what + " the file registry in " + dir + ": " + e, e);
    }

    private void ensureOpen() {
        if (closed) {
            throw new RegistryException("The file registry in " + dir + " is closed");
        }
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                closeQuietly(storeLock, journal);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static void closeQuietly(AutoCloseable... all) {
        for (AutoCloseable c : all) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    log.debug("close failed", e);
                }
            }
        }
    }
}
