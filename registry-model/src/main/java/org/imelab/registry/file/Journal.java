package org.imelab.registry.file;

import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * The append-only journal: a header naming the snapshot it continues (generation, size and
 * CRC-32C of {@code registry.reg}), then one record per acknowledged batch:
 * {@code magic, length, CRC-32C of the payload, payload}. A record torn by a crash fails its
 * length or CRC check and ends the valid part of the file.
 *
 * <p>The file is opened in {@code rwd} mode, so each record, written with a single write, is on
 * disk (data and size) when {@link #append} returns, without a separate fsync; and unlike a
 * FileChannel, RandomAccessFile is not closed when the writing thread is interrupted.
 */
final class Journal implements Closeable {
    static final int HEADER_SIZE = 32;
    private static final long MAGIC = 0x494d454c41424a31L; // "IMELABJ1"
    private static final int RECORD_MAGIC = 0x52454331; // "REC1"
    private static final int RECORD_OVERHEAD = 12;
    private static final int MAX_SCAN = Integer.MAX_VALUE - 64;

    /** What the journal's header says: which snapshot the records continue. */
    record Header(long generation, long snapshotSize, int snapshotCrc) {
        boolean continues(Snapshot.Info snapshot) {
            return snapshotSize == snapshot.size() && snapshotCrc == snapshot.crc();
        }
    }

    /** The end of the valid records read, and whether bytes after it failed the checks. */
    record Scan(long end, boolean torn) {
    }

    private final RandomAccessFile file;

    Journal(Path path) throws IOException {
        this.file = new RandomAccessFile(path.toFile(), "rwd");
    }

    synchronized long size() throws IOException {
        return file.length();
    }

    /** The header, or null when the file is too short or the header fails its check. */
    synchronized Header header() throws IOException {
        if (file.length() < HEADER_SIZE) {
            return null;
        }
        byte[] b = new byte[HEADER_SIZE];
        file.seek(0);
        file.readFully(b);
        ByteBuffer buf = ByteBuffer.wrap(b);
        if (buf.getLong() != MAGIC) {
            return null;
        }
        Header h = new Header(buf.getLong(), buf.getLong(), buf.getInt());
        return buf.getInt() == crc(b, 0, HEADER_SIZE - 4) ? h : null;
    }

    /** Writes one record at {@code at} (the end of the valid records); returns the new end. */
    synchronized long append(byte[] payload, long at) throws IOException {
        byte[] rec = new byte[RECORD_OVERHEAD + payload.length];
        ByteBuffer.wrap(rec).putInt(RECORD_MAGIC).putInt(payload.length).putInt(crc(payload, 0, payload.length))
                .put(payload);
        file.seek(at);
        file.write(rec);
        return at + rec.length;
    }

    /** Hands each valid record from {@code from} on to {@code records}, in order. */
    synchronized Scan scan(long from, Consumer<byte[]> records) throws IOException {
        long length = file.length();
        if (from >= length) {
            return new Scan(from, false);
        }
        if (length - from > MAX_SCAN) {
            throw new IOException("journal too large to replay: " + length + " bytes");
        }
        byte[] b = new byte[(int) (length - from)];
        file.seek(from);
        file.readFully(b);
        ByteBuffer buf = ByteBuffer.wrap(b);
        int p = 0;
        while (b.length - p >= RECORD_OVERHEAD) {
            buf.position(p);
            int magic = buf.getInt();
            int len = buf.getInt();
            int crc = buf.getInt();
            if (magic != RECORD_MAGIC || len < 0 || len > b.length - p - RECORD_OVERHEAD
                    || crc(b, p + RECORD_OVERHEAD, len) != crc) {
                break;
            }
            byte[] payload = new byte[len];
            System.arraycopy(b, p + RECORD_OVERHEAD, payload, 0, len);
            records.accept(payload);
            p += RECORD_OVERHEAD + len;
        }
        return new Scan(from + p, p < b.length);
    }

    /** Cuts the file at {@code at}, e.g. after a torn record. */
    synchronized void truncate(long at) throws IOException {
        file.setLength(at);
        file.getFD().sync();
    }

    /**
     * Empties the journal and makes it continue a new snapshot. The records go first: a crash
     * in between leaves an old header over no records, which recovery handles like any header
     * that does not match the snapshot.
     */
    synchronized void reset(Header h) throws IOException {
        if (file.length() > HEADER_SIZE) {
            file.setLength(HEADER_SIZE);
            file.getFD().sync();
        }
        byte[] b = new byte[HEADER_SIZE];
        ByteBuffer buf = ByteBuffer.wrap(b).putLong(MAGIC).putLong(h.generation()).putLong(h.snapshotSize())
                .putInt(h.snapshotCrc());
        buf.putInt(crc(b, 0, HEADER_SIZE - 4));
        file.seek(0);
        file.write(b);
        file.getFD().sync();
    }

    private static int crc(byte[] b, int off, int len) {
        CRC32C c = new CRC32C();
        c.update(b, off, len);
        return (int) c.getValue();
    }

    @Override
    public synchronized void close() throws IOException {
        file.close();
    }
}
