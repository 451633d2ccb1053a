package org.imelab.logs.file;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * A log file held open for appending in a way that lets other processes read it, write it and
 * rotate (rename or delete) it meanwhile, as admin tools do with the IME's logs.
 *
 * <p>Opened through NIO with {@code CREATE, WRITE, APPEND}. On Linux and macOS that is
 * {@code O_APPEND}: every write lands at the current end even when another process appends
 * too, and a rename or delete by someone else leaves our descriptor on the moved file, which
 * {@link #isReplaced()} notices so the caller reopens the path. On Windows the JDK opens NIO
 * channels with {@code FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE} (unless one of
 * the {@code ExtendedOpenOption.NOSHARE_*} options is given, which we never do) and
 * {@code FILE_APPEND_DATA}: readers such as CMTrace or PowerShell's {@code Get-Content} can
 * open the file, and another process may rename or delete it while we write (the C §2.2
 * recommendation). {@code java.io.FileOutputStream}, which Logback's FileAppender uses, does
 * not share delete.
 *
 * <p>Not thread-safe: the appender serialises access.
 */
final class SharedAppendFile implements Closeable {

    private final Path path;
    private FileChannel channel;
    private Object fileKey;
    private long size;

    SharedAppendFile(Path path) {
        this.path = Objects.requireNonNull(path, "path");
    }

    Path path() {
        return path;
    }

    boolean isOpen() {
        return channel != null;
    }

    /** Opens (creating the file and its folder if needed) and positions at the end. */
    void open() throws IOException {
        close();
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        try {
            size = ch.size();
            fileKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        channel = ch;
    }

    /** Appends all of {@code bytes}. */
    void write(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        size += bytes.length;
    }

    /** Bytes in the file as far as we know (our writes since open; {@link #refresh()} re-reads). */
    long size() {
        return size;
    }

    /** Re-reads the size of the open file: other processes may have appended. */
    void refresh() throws IOException {
        if (channel != null) {
            size = channel.size();
        }
    }

    /**
     * True if the path no longer names the file we hold open: deleted, or renamed away and
     * perhaps recreated by someone else. Where the platform has no file key (Windows), a file at
     * the path that is smaller than ours is taken as a replacement.
     */
    boolean isReplaced() throws IOException {
        if (channel == null) {
            return true;
        }
        BasicFileAttributes now;
        try {
            now = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return true;
        }
        Object key = now.fileKey();
        if (key != null && fileKey != null) {
            return !key.equals(fileKey);
        }
        return now.size() < channel.size();
    }

    @Override
    public void close() throws IOException {
        FileChannel ch = channel;
        channel = null;
        fileKey = null;
        if (ch != null) {
            ch.close();
        }
    }
}
