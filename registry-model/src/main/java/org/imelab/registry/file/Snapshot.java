package org.imelab.registry.file;

import java.io.BufferedOutputStream;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import org.imelab.registry.Hive;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.RegistryView;
import org.imelab.registry.regfile.RegFileReader;
import org.imelab.registry.regfile.RegFileWriter;
import org.imelab.registry.tree.KeyNode;

/**
 * {@code registry.reg}: the whole store as regedit would export it (every hive, physical
 * paths, so 32-bit keys appear under WOW6432Node). Written to a temporary file, synced, then
 * renamed over the old one, so it is always either the old or the new snapshot, whole.
 */
final class Snapshot {
    static final String FILE = "registry.reg";
    static final String TEMP = FILE + ".tmp";

    /** The size and CRC-32C of a snapshot's bytes, which the journal header refers to. */
    record Info(long size, int crc) {
    }

    private Snapshot() {
    }

    /** Loads {@code dir/registry.reg} into {@code sink}; null when there is none. */
    static Info load(Path dir, Consumer<RegOp> sink) throws IOException {
        Path file = dir.resolve(FILE);
        byte[] bytes;
        try (InputStream in = new FileInputStream(file.toFile())) {
            bytes = in.readAllBytes();
        } catch (FileNotFoundException | NoSuchFileException e) {
            if (Files.exists(file)) {
                throw e;
            }
            return null;
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        RegFileReader.read(bytes, file.toString(), RegistryView.VIEW_64, sink);
        return new Info(bytes.length, (int) crc.getValue());
    }

    /** Writes the tree as the new {@code dir/registry.reg}, durably; returns what the journal must name. */
    static Info write(Path dir, Map<Hive, KeyNode> roots) throws IOException {
        Path tmp = dir.resolve(TEMP);
        Checked checked;
        try (FileOutputStream fos = new FileOutputStream(tmp.toFile())) {
            checked = new Checked(new BufferedOutputStream(fos, 1 << 16));
            RegFileWriter w = RegFileWriter.utf16(checked);
            for (Map.Entry<Hive, KeyNode> root : roots.entrySet()) {
                KeyNode node = root.getValue();
                if (node.valueCount() > 0) {
                    section(w, RegPath.of(root.getKey()), node);
                }
                for (KeyNode child : node.children()) {
                    tree(w, RegPath.of(root.getKey(), child.name()), child);
                }
            }
            w.finish();
            fos.getFD().sync();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(dir);
        return new Info(checked.count, (int) checked.crc.getValue());
    }

    private static void tree(RegFileWriter w, RegPath path, KeyNode node) throws IOException {
        section(w, path, node);
        for (KeyNode child : node.children()) {
            tree(w, new RegPath(path.hive(), append(path, child.name()), RegistryView.VIEW_64), child);
        }
    }

    private static List<String> append(RegPath path, String name) {
        List<String> segs = new ArrayList<>(path.segments().size() + 1);
        segs.addAll(path.segments());
        segs.add(name);
        return segs;
    }

    private static void section(RegFileWriter w, RegPath path, KeyNode node) throws IOException {
        w.key(path);
        for (Map.Entry<String, RegValue> v : node.values().entrySet()) {
            w.value(v.getKey(), v.getValue());
        }
    }

    /**
     * Makes a rename durable. Linux needs the directory synced; Windows cannot open a
     * directory this way and makes renames durable itself, so failure to open is ignored.
     */
    static void syncDirectory(Path dir) {
        boolean interrupted = Thread.interrupted(); // an interrupt would close the channel mid-sync
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not supported on this platform
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Counts and checksums what is written through it. */
    private static final class Checked extends FilterOutputStream {
        final CRC32C crc = new CRC32C();
        long count;

        Checked(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            crc.update(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            crc.update(b, off, len);
            count += len;
        }
    }
}
