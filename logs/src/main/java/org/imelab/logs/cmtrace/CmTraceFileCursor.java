package org.imelab.logs.cmtrace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a growing CMTrace file piece by piece: each {@link #read} returns the records completed
 * since the last one. A partial last line, or a multi-line record whose end is not written
 * yet, waits for the next read. The file is opened for each read only (so the writer can rotate
 * it) and read with plain UTF-8; a file that shrank was replaced and is read again from the
 * start.
 */
public final class CmTraceFileCursor {

    private static final int CHUNK = 64 * 1024;

    private final List<CmTraceRecord> found = new ArrayList<>();
    private Path path;
    private long position;
    private int stray;
    private CmTraceReader.LineSplitter splitter;
    private CmTraceParser parser;

    /** A cursor at the start of {@code path}. */
    public CmTraceFileCursor(Path path) {
        this.path = path;
        reset(0);
    }

    /** Where the next read starts, in bytes. */
    public long position() {
        return position;
    }

    /** The file's current name (a rotated file keeps its cursor under its new name). */
    public Path path() {
        return path;
    }

    /** Follows the same file under a new name (it was rotated). */
    public void moved(Path newPath) {
        this.path = newPath;
    }

    /** Lines seen so far outside any record. */
    public int strayLines() {
        return stray;
    }

    /** Starts again at {@code position}, forgetting any partial line or record (line numbers restart too). */
    public void reset(long position) {
        this.position = position;
        this.found.clear();
        this.parser = new CmTraceParser(path, new CmTraceParser.Sink() {
            @Override
            public void record(CmTraceRecord record) {
                found.add(pathed(record));
            }

            @Override
            public void stray(int lineNumber, String line) {
                stray++;
            }
        });
        this.splitter = new CmTraceReader.LineSplitter(parser::line);
    }

    /** Records completed since the last read; the file's current size is {@code size}. */
    public List<CmTraceRecord> read(long size) throws IOException {
        if (size < position) {
            reset(0);
        }
        if (size > position) {
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
                ch.position(position);
                ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
                int n;
                while ((n = ch.read(buffer)) > 0) {
                    splitter.feed(buffer.array(), 0, n);
                    position += n;
                    buffer.clear();
                }
            }
        }
        List<CmTraceRecord> out = List.copyOf(found);
        found.clear();
        return out;
    }

    /**
     * End of reading: a last line without line break is taken as complete (it may finish a
     * record, which is returned); a record still open counts as stray.
     */
    public List<CmTraceRecord> finish() {
        splitter.finish();
        parser.finish();
        List<CmTraceRecord> out = List.copyOf(found);
        found.clear();
        return out;
    }

    private CmTraceRecord pathed(CmTraceRecord r) {
        return r.source() == path ? r
                : new CmTraceRecord(r.message(), r.time(), r.date(), r.component(), r.context(), r.type(),
                        r.thread(), r.file(), path, r.lineNumber());
    }
}
