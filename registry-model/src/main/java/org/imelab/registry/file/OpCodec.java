package org.imelab.registry.file;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.imelab.registry.Hive;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.RegistryView;

/**
 * The payload of one journal record: a batch of physical (64-bit view) changes in a compact
 * binary form that gives back exactly the same {@link RegOp}s, strings unit by unit.
 */
final class OpCodec {
    private static final int VERSION = 1;

    private OpCodec() {
    }

    static byte[] encode(List<RegOp> ops) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * ops.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(ops.size());
            for (RegOp op : ops) {
                switch (op) {
                    case RegOp.CreateKey c -> {
                        out.writeByte(1);
                        path(out, c.key());
                    }
                    case RegOp.Put p -> {
                        out.writeByte(2);
                        path(out, p.key());
                        string(out, p.name());
                        value(out, p.value());
                    }
                    case RegOp.DeleteValue d -> {
                        out.writeByte(3);
                        path(out, d.key());
                        string(out, d.name());
                    }
                    case RegOp.DeleteTree t -> {
                        out.writeByte(4);
                        path(out, t.key());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    /** @throws IOException when the payload is not a batch this version wrote */
    static List<RegOp> decode(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        int version = in.readUnsignedByte();
        if (version != VERSION) {
            throw new IOException("unknown journal record version " + version);
        }
        int n = in.readInt();
        List<RegOp> ops = new ArrayList<>(Math.min(n, 1 << 16));
        for (int i = 0; i < n; i++) {
            int kind = in.readUnsignedByte();
            RegPath key = path(in);
            ops.add(switch (kind) {
                case 1 -> new RegOp.CreateKey(key);
                case 2 -> new RegOp.Put(key, string(in), value(in));
                case 3 -> new RegOp.DeleteValue(key, string(in));
                case 4 -> new RegOp.DeleteTree(key);
                default -> throw new IOException("unknown change kind " + kind);
            });
        }
        if (in.available() != 0) {
            throw new IOException(in.available() + " unexpected bytes after the last change");
        }
        return ops;
    }

    private static void path(DataOutputStream out, RegPath key) throws IOException {
        out.writeUTF(key.hive().shortName()); // by name: stable if the enum ever changes order
        out.writeShort(key.segments().size());
        for (String s : key.segments()) {
            string(out, s);
        }
    }

    private static RegPath path(DataInputStream in) throws IOException {
        Hive hive;
        try {
            hive = Hive.parse(in.readUTF());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        int n = in.readUnsignedShort();
        List<String> segments = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            segments.add(string(in));
        }
        return new RegPath(hive, segments, RegistryView.VIEW_64);
    }

    private static void value(DataOutputStream out, RegValue value) throws IOException {
        switch (value) {
            case RegValue.Sz s -> {
                out.writeByte(1);
                string(out, s.value());
            }
            case RegValue.ExpandSz s -> {
                out.writeByte(2);
                string(out, s.value());
            }
            case RegValue.MultiSz m -> {
                out.writeByte(7);
                out.writeInt(m.values().size());
                for (String s : m.values()) {
                    string(out, s);
                }
            }
            case RegValue.Dword d -> {
                out.writeByte(4);
                out.writeInt(d.value());
            }
            case RegValue.Qword q -> {
                out.writeByte(11);
                out.writeLong(q.value());
            }
            case RegValue.Binary b -> {
                out.writeByte(3);
                bytes(out, b.bytes());
            }
            case RegValue.None b -> {
                out.writeByte(0);
                bytes(out, b.bytes());
            }
            case RegValue.Raw r -> {
                out.writeByte(0xff);
                out.writeInt(r.typeCode());
                bytes(out, r.bytes());
            }
        }
    }

    private static RegValue value(DataInputStream in) throws IOException {
        int kind = in.readUnsignedByte();
        return switch (kind) {
            case 1 -> new RegValue.Sz(string(in));
            case 2 -> new RegValue.ExpandSz(string(in));
            case 7 -> {
                int n = in.readInt();
                List<String> values = new ArrayList<>(Math.min(n, 1024));
                for (int i = 0; i < n; i++) {
                    values.add(string(in));
                }
                yield new RegValue.MultiSz(values);
            }
            case 4 -> new RegValue.Dword(in.readInt());
            case 11 -> new RegValue.Qword(in.readLong());
            case 3 -> new RegValue.Binary(bytes(in));
            case 0 -> new RegValue.None(bytes(in));
            case 0xff -> new RegValue.Raw(in.readInt(), bytes(in));
            default -> throw new IOException("unknown value kind " + kind);
        };
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        out.writeInt(s.length());
        out.writeChars(s);
    }

    private static String string(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available() / 2) {
            throw new IOException("string length " + n + " runs past the record");
        }
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = in.readChar();
        }
        return new String(c);
    }

    private static void bytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("data length " + n + " runs past the record");
        }
        return in.readNBytes(n);
    }
}
