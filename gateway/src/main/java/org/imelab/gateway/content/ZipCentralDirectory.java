package org.imelab.gateway.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what {@link java.util.zip.ZipFile} does not expose: each central-directory entry's "made
 * by" host and external attributes, which is where a zip marks an entry as a symbolic link (Unix
 * mode {@code S_IFLNK}) or a Windows reparse point. Handles Zip64 archives.
 */
final class ZipCentralDirectory {
    private static final int EOCD_SIG = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIG = 0x07064b50;
    private static final int ZIP64_EOCD_SIG = 0x06064b50;
    private static final int CEN_SIG = 0x02014b50;
    private static final int MAX_CEN_BYTES = 256 << 20;

    /** One central-directory entry's name and the attributes that can mark a link. */
    record Entry(String name, int madeBy, long externalAttributes) {
        private static final int HOST_UNIX = 3;
        private static final int HOST_OSX = 19;
        private static final int S_IFMT = 0170000;
        private static final int S_IFLNK = 0120000;
        private static final int FILE_ATTRIBUTE_REPARSE_POINT = 0x400;

        boolean isLink() {
            int host = (madeBy >> 8) & 0xff;
            int unixMode = (int) ((externalAttributes >> 16) & 0xffff);
            if ((host == HOST_UNIX || host == HOST_OSX) && (unixMode & S_IFMT) == S_IFLNK) {
                return true;
            }
            // some Windows tools store the unix mode too; a reparse point is Windows' link
            return (unixMode & S_IFMT) == S_IFLNK || (externalAttributes & FILE_ATTRIBUTE_REPARSE_POINT) != 0;
        }
    }

    private ZipCentralDirectory() {
    }

    static List<Entry> read(Path zip) throws IOException, IntuneWinFormatException {
        try {
            return scan(zip);
        } catch (IndexOutOfBoundsException e) {
            throw new IntuneWinFormatException("Zip structure is truncated or inconsistent", e);
        }
    }

    private static List<Entry> scan(Path zip) throws IOException, IntuneWinFormatException {
        try (FileChannel ch = FileChannel.open(zip, StandardOpenOption.READ)) {
            long size = ch.size();
            int tail = (int) Math.min(size, 22 + 65535);
            ByteBuffer end = read(ch, size - tail, tail);
            int eocd = -1;
            for (int i = tail - 22; i >= 0; i--) {
                if (end.getInt(i) == EOCD_SIG) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) {
                throw new IntuneWinFormatException("Not a zip file: no end of central directory record");
            }
            long entries = end.getShort(eocd + 10) & 0xffffL;
            long cenSize = end.getInt(eocd + 12) & 0xffffffffL;
            long cenOffset = end.getInt(eocd + 16) & 0xffffffffL;
            if (entries == 0xffff || cenSize == 0xffffffffL || cenOffset == 0xffffffffL) {
                long locatorAt = size - tail + eocd - 20;
                ByteBuffer loc = locatorAt >= 0 ? read(ch, locatorAt, 20) : null;
                if (loc == null || loc.getInt(0) != ZIP64_LOCATOR_SIG) {
                    throw new IntuneWinFormatException("Zip64 archive without its end of central directory locator");
                }
                ByteBuffer z = read(ch, loc.getLong(8), 56);
                if (z.getInt(0) != ZIP64_EOCD_SIG) {
                    throw new IntuneWinFormatException("Zip64 end of central directory record not found");
                }
                entries = z.getLong(32);
                cenSize = z.getLong(40);
                cenOffset = z.getLong(48);
            }
            if (cenSize > MAX_CEN_BYTES || cenOffset + cenSize > size || cenOffset < 0) {
                throw new IntuneWinFormatException("Zip central directory out of bounds");
            }
            ByteBuffer cen = read(ch, cenOffset, (int) cenSize);
            List<Entry> out = new ArrayList<>();
            int p = 0;
            for (long i = 0; i < entries; i++) {
                if (p + 46 > cen.limit() || cen.getInt(p) != CEN_SIG) {
                    throw new IntuneWinFormatException("Zip central directory entry " + i + " is malformed");
                }
                int madeBy = cen.getShort(p + 4) & 0xffff;
                int nameLen = cen.getShort(p + 28) & 0xffff;
                int extraLen = cen.getShort(p + 30) & 0xffff;
                int commentLen = cen.getShort(p + 32) & 0xffff;
                long ext = cen.getInt(p + 38) & 0xffffffffL;
                if (p + 46 + nameLen > cen.limit()) {
                    throw new IntuneWinFormatException("Zip central directory entry " + i + " is truncated");
                }
                byte[] name = new byte[nameLen];
                cen.get(p + 46, name);
                // java.util.zip decodes every name as UTF-8 by default; decode the same way to match
                out.add(new Entry(new String(name, StandardCharsets.UTF_8), madeBy, ext));
                p += 46 + nameLen + extraLen + commentLen;
            }
            return out;
        }
    }

    private static ByteBuffer read(FileChannel ch, long at, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position()) < 0) {
                break;
            }
        }
        return b.flip().order(ByteOrder.LITTLE_ENDIAN);
    }
}
