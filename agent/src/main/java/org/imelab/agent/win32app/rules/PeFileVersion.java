package org.imelab.agent.win32app.rules;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The file version of a Windows executable or DLL, as Explorer shows it: the
 * {@code VS_FIXEDFILEINFO} of the version resource ({@code dwFileVersionMS/LS}), found in the PE
 * file's {@code .rsrc} section. A file that is not a PE image, or has no version resource, has no
 * version (a version rule then does not detect it), on every platform.
 */
final class PeFileVersion {
    private static final int VS_FIXEDFILEINFO_SIGNATURE = 0xFEEF04BD;
    private static final int MAX_RSRC = 64 << 20;

    private PeFileVersion() {
    }

    static Optional<String> read(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer dos = read(ch, 0, 64);
            if (dos.limit() < 64 || dos.getShort(0) != 0x5A4D) { // "MZ"
                return Optional.empty();
            }
            int pe = dos.getInt(0x3C);
            ByteBuffer coff = read(ch, pe, 24);
            if (coff.limit() < 24 || coff.getInt(0) != 0x00004550) { // "PE\0\0"
                return Optional.empty();
            }
            int sections = coff.getShort(6) & 0xffff;
            int optionalSize = coff.getShort(20) & 0xffff;
            ByteBuffer table = read(ch, (long) pe + 24 + optionalSize, sections * 40);
            for (int i = 0; i + 40 <= table.limit(); i += 40) {
                byte[] name = new byte[8];
                table.get(i, name);
                if (new String(name, java.nio.charset.StandardCharsets.US_ASCII).startsWith(".rsrc")) {
                    int size = Math.min(table.getInt(i + 16), MAX_RSRC);
                    long at = table.getInt(i + 20) & 0xffffffffL;
                    return fixedVersion(read(ch, at, Math.max(0, size)));
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> fixedVersion(ByteBuffer rsrc) {
        for (int i = 0; i + 16 <= rsrc.limit(); i += 4) {
            if (rsrc.getInt(i) == VS_FIXEDFILEINFO_SIGNATURE) {
                int ms = rsrc.getInt(i + 8);
                int ls = rsrc.getInt(i + 12);
                return Optional.of((ms >>> 16) + "." + (ms & 0xffff) + "." + (ls >>> 16) + "." + (ls & 0xffff));
            }
        }
        return Optional.empty();
    }

    private static ByteBuffer read(FileChannel ch, long at, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining() && ch.read(b, at + b.position()) > 0) {
            // fill
        }
        return b.flip().order(ByteOrder.LITTLE_ENDIAN);
    }
}
