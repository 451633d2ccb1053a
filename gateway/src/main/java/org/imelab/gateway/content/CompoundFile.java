package org.imelab.gateway.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only reader of the Compound File Binary format ([MS-CFB]), the container an MSI database
 * lives in: header, DIFAT, FAT, mini FAT, directory. Only what reading named streams of a
 * well-formed file needs; every chain is bounded so a damaged file fails instead of looping.
 */
final class CompoundFile {
    private static final long SIGNATURE = 0xE11AB1A1E011CFD0L;
    private static final int END_OF_CHAIN = -2;
    private static final int FREE = -1;

    private final ByteBuffer data;
    private final int sectorSize;
    private final int miniSectorSize;
    private final int miniCutoff;
    private final int[] fat;
    private final int[] miniFat;
    private final byte[] miniStream;
    private final Map<String, long[]> streams = new LinkedHashMap<>(); // name -> {start, size}

    private CompoundFile(ByteBuffer data) throws IntuneWinFormatException {
        this.data = data;
        if (data.limit() < 512 || data.getLong(0) != SIGNATURE) {
            throw new IntuneWinFormatException("Not a compound file (MSI) : bad signature");
        }
        sectorSize = 1 << data.getShort(0x1E);
        miniSectorSize = 1 << data.getShort(0x20);
        if (sectorSize != 512 && sectorSize != 4096) {
            throw new IntuneWinFormatException("Compound file: unsupported sector size " + sectorSize);
        }
        int fatSectors = data.getInt(0x2C);
        int firstDir = data.getInt(0x30);
        miniCutoff = data.getInt(0x38);
        int firstMiniFat = data.getInt(0x3C);
        int firstDifat = data.getInt(0x44);
        int difatSectors = data.getInt(0x48);

        List<Integer> fatSectorIds = new ArrayList<>();
        for (int i = 0; i < 109 && fatSectorIds.size() < fatSectors; i++) {
            fatSectorIds.add(data.getInt(0x4C + 4 * i));
        }
        int difat = firstDifat;
        for (int d = 0; d < difatSectors && difat >= 0 && fatSectorIds.size() < fatSectors; d++) {
            int base = offset(difat);
            int perSector = sectorSize / 4 - 1;
            for (int i = 0; i < perSector && fatSectorIds.size() < fatSectors; i++) {
                fatSectorIds.add(data.getInt(base + 4 * i));
            }
            difat = data.getInt(base + 4 * perSector);
        }
        fat = new int[fatSectorIds.size() * (sectorSize / 4)];
        int k = 0;
        for (int s : fatSectorIds) {
            int base = offset(s);
            for (int i = 0; i < sectorSize / 4; i++) {
                fat[k++] = data.getInt(base + 4 * i);
            }
        }
        byte[] miniFatBytes = firstMiniFat < 0 ? new byte[0] : chain(firstMiniFat, Long.MAX_VALUE);
        ByteBuffer mf = ByteBuffer.wrap(miniFatBytes).order(ByteOrder.LITTLE_ENDIAN);
        miniFat = new int[miniFatBytes.length / 4];
        for (int i = 0; i < miniFat.length; i++) {
            miniFat[i] = mf.getInt(4 * i);
        }
        ByteBuffer dir = ByteBuffer.wrap(chain(firstDir, Long.MAX_VALUE)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] root = new byte[0];
        for (int at = 0; at + 128 <= dir.limit(); at += 128) {
            int type = dir.get(at + 0x42);
            int nameBytes = Math.max(0, Math.min(64, dir.getShort(at + 0x40)) - 2);
            String name = new String(dir.array(), at, nameBytes, StandardCharsets.UTF_16LE);
            int start = dir.getInt(at + 0x74);
            long size = sectorSize == 512 ? dir.getInt(at + 0x78) & 0xffffffffL : dir.getLong(at + 0x78);
            if (type == 5) {
                root = start < 0 ? new byte[0] : chain(start, size);
            } else if (type == 2) {
                streams.put(name, new long[] {start, size});
            }
        }
        miniStream = root;
    }

    static CompoundFile open(Path file) throws IOException, IntuneWinFormatException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() > (1L << 31) - 1) {
                throw new IntuneWinFormatException("Compound file larger than 2 GB is not supported: " + file);
            }
            ByteBuffer b = ByteBuffer.allocate((int) ch.size());
            while (b.hasRemaining() && ch.read(b) >= 0) {
                // fill
            }
            b.flip();
            try {
                return new CompoundFile(b.order(ByteOrder.LITTLE_ENDIAN));
            } catch (IndexOutOfBoundsException | NegativeArraySizeException e) {
                throw new IntuneWinFormatException("Compound file is damaged: " + file, e);
            }
        }
    }

    /** Stream names as stored (MSI table streams are still encoded). */
    List<String> streamNames() {
        return List.copyOf(streams.keySet());
    }

    Optional<byte[]> stream(String name) throws IntuneWinFormatException {
        long[] s = streams.get(name);
        if (s == null) {
            return Optional.empty();
        }
        try {
            if (s[1] < miniCutoff) {
                return Optional.of(miniChain((int) s[0], s[1]));
            }
            return Optional.of(chain((int) s[0], s[1]));
        } catch (IndexOutOfBoundsException e) {
            throw new IntuneWinFormatException("Compound file stream '" + name + "' is damaged", e);
        }
    }

    private int offset(int sector) throws IntuneWinFormatException {
        long off = (long) (sector + 1) * sectorSize;
        if (sector < 0 || off + sectorSize > data.limit()) {
            throw new IntuneWinFormatException("Compound file sector " + sector + " out of range");
        }
        return (int) off;
    }

    private byte[] chain(int start, long size) throws IntuneWinFormatException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int s = start;
        for (int guard = 0; s != END_OF_CHAIN && s != FREE && out.size() < size; guard++) {
            if (guard > fat.length || s < 0 || s >= fat.length) {
                throw new IntuneWinFormatException("Compound file has a broken sector chain");
            }
            out.write(data.array(), offset(s), sectorSize);
            s = fat[s];
        }
        byte[] b = out.toByteArray();
        return size < b.length ? java.util.Arrays.copyOf(b, (int) size) : b;
    }

    private byte[] miniChain(int start, long size) throws IntuneWinFormatException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int s = start;
        for (int guard = 0; s != END_OF_CHAIN && s != FREE && out.size() < size; guard++) {
            if (guard > miniFat.length || s < 0 || s >= miniFat.length
                    || (long) (s + 1) * miniSectorSize > miniStream.length) {
                throw new IntuneWinFormatException("Compound file has a broken mini sector chain");
            }
            out.write(miniStream, s * miniSectorSize, miniSectorSize);
            s = miniFat[s];
        }
        byte[] b = out.toByteArray();
        return size < b.length ? java.util.Arrays.copyOf(b, (int) size) : b;
    }
}
