package org.imelab.registry;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A typed registry value. {@link #data()} is the value's bytes exactly as Windows stores them
 * (strings UTF-16LE with their terminating NUL), which is what regedit's {@code hex(n):} form
 * shows and what Advapi32 reads and writes.
 */
public sealed interface RegValue {

    RegType type();

    /** The raw bytes as stored by Windows. */
    byte[] data();

    /** A short human form, as reg.exe query prints the data column. */
    String display();

    static Sz sz(String value) {
        return new Sz(value);
    }

    static Dword dword(int value) {
        return new Dword(value);
    }

    static Qword qword(long value) {
        return new Qword(value);
    }

    /** REG_SZ. */
    record Sz(String value) implements RegValue {
        public Sz {
            Objects.requireNonNull(value, "value");
        }

        @Override public RegType type() { return RegType.REG_SZ; }
        @Override public byte[] data() { return Codec.utf16z(value); }
        @Override public String display() { return value; }
    }

    /** REG_EXPAND_SZ: stored unexpanded; expansion is the reader's business. */
    record ExpandSz(String value) implements RegValue {
        public ExpandSz {
            Objects.requireNonNull(value, "value");
        }

        @Override public RegType type() { return RegType.REG_EXPAND_SZ; }
        @Override public byte[] data() { return Codec.utf16z(value); }
        @Override public String display() { return value; }
    }

    /** REG_MULTI_SZ. */
    record MultiSz(List<String> values) implements RegValue {
        public MultiSz {
            values = List.copyOf(values);
            for (String v : values) {
                if (v.indexOf('\0') >= 0) {
                    throw new IllegalArgumentException("REG_MULTI_SZ element contains NUL");
                }
            }
        }

        @Override public RegType type() { return RegType.REG_MULTI_SZ; }

        @Override
        public byte[] data() {
            StringBuilder sb = new StringBuilder();
            for (String v : values) {
                sb.append(v).append('\0');
            }
            sb.append('\0');
            return sb.toString().getBytes(StandardCharsets.UTF_16LE);
        }

        @Override public String display() { return String.join("\\0", values); }
    }

    /** REG_DWORD (little-endian 32 bits). */
    record Dword(int value) implements RegValue {
        @Override public RegType type() { return RegType.REG_DWORD; }
        @Override public byte[] data() { return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array(); }
        @Override public String display() { return "0x" + Integer.toHexString(value); }
    }

    /** REG_QWORD (little-endian 64 bits). */
    record Qword(long value) implements RegValue {
        @Override public RegType type() { return RegType.REG_QWORD; }
        @Override public byte[] data() { return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array(); }
        @Override public String display() { return "0x" + Long.toHexString(value); }
    }

    /** REG_BINARY. */
    record Binary(byte[] bytes) implements RegValue {
        public Binary {
            bytes = bytes.clone();
        }

        @Override public byte[] bytes() { return bytes.clone(); }
        @Override public RegType type() { return RegType.REG_BINARY; }
        @Override public byte[] data() { return bytes.clone(); }
        @Override public String display() { return HexFormat.of().withUpperCase().formatHex(bytes); }
        @Override public boolean equals(Object o) { return o instanceof Binary b && Arrays.equals(bytes, b.bytes); }
        @Override public int hashCode() { return Arrays.hashCode(bytes); }
        @Override public String toString() { return "Binary[" + display() + "]"; }
    }

    /** REG_NONE, which may still carry bytes. */
    record None(byte[] bytes) implements RegValue {
        public None {
            bytes = bytes.clone();
        }

        @Override public byte[] bytes() { return bytes.clone(); }
        @Override public RegType type() { return RegType.REG_NONE; }
        @Override public byte[] data() { return bytes.clone(); }
        @Override public String display() { return HexFormat.of().withUpperCase().formatHex(bytes); }
        @Override public boolean equals(Object o) { return o instanceof None b && Arrays.equals(bytes, b.bytes); }
        @Override public int hashCode() { return Arrays.hashCode(bytes); }
        @Override public String toString() { return "None[" + display() + "]"; }
    }

    /**
     * Any other type (REG_DWORD_BIG_ENDIAN, REG_LINK, resource lists, or a code Windows does not
     * name), kept as raw bytes so that an import followed by an export loses nothing.
     */
    record Raw(int typeCode, byte[] bytes) implements RegValue {
        public Raw {
            bytes = bytes.clone();
        }

        @Override public byte[] bytes() { return bytes.clone(); }

        @Override
        public RegType type() {
            try {
                return RegType.ofCode(typeCode);
            } catch (IllegalArgumentException e) {
                return RegType.REG_NONE;
            }
        }

        @Override public byte[] data() { return bytes.clone(); }
        @Override public String display() { return HexFormat.of().withUpperCase().formatHex(bytes); }
        @Override public boolean equals(Object o) { return o instanceof Raw b && typeCode == b.typeCode && Arrays.equals(bytes, b.bytes); }
        @Override public int hashCode() { return 31 * typeCode + Arrays.hashCode(bytes); }
        @Override public String toString() { return "Raw[" + typeCode + ":" + display() + "]"; }
    }

    /** The Win32 type code of this value (for {@link Raw}, the code it was created with). */
    default int typeCode() {
        return this instanceof Raw r ? r.typeCode() : type().code();
    }

    /**
     * Builds a value from a type code and the bytes Windows stores, the inverse of {@link #data()}.
     * Strings lose their terminating NUL; malformed strings are kept as they decode.
     */
    static RegValue fromData(int typeCode, byte[] data) {
        return switch (typeCode) {
            case 0 -> new None(data);
            case 1 -> new Sz(Codec.fromUtf16z(data));
            case 2 -> new ExpandSz(Codec.fromUtf16z(data));
            case 3 -> new Binary(data);
            case 4 -> data.length == 4
                    ? new Dword(ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getInt())
                    : new Raw(typeCode, data);
            case 7 -> new MultiSz(Codec.multi(data));
            case 11 -> data.length == 8
                    ? new Qword(ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getLong())
                    : new Raw(typeCode, data);
            default -> new Raw(typeCode, data);
        };
    }

    /** Byte-level helpers shared by the value types. */
    final class Codec {
        private Codec() {
        }

        static byte[] utf16z(String s) {
            return (s + "\0").getBytes(StandardCharsets.UTF_16LE);
        }

        static String fromUtf16z(byte[] data) {
            String s = new String(data, 0, data.length & ~1, StandardCharsets.UTF_16LE);
            int nul = s.indexOf('\0');
            return nul >= 0 ? s.substring(0, nul) : s;
        }

        static List<String> multi(byte[] data) {
            String s = new String(data, 0, data.length & ~1, StandardCharsets.UTF_16LE);
            List<String> out = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) == '\0') {
                    if (i == start) {
                        break; // the empty string that terminates the list
                    }
                    out.add(s.substring(start, i));
                    start = i + 1;
                }
            }
            if (start < s.length() && s.indexOf('\0', start) < 0) {
                out.add(s.substring(start));
            }
            return out;
        }
    }
}
