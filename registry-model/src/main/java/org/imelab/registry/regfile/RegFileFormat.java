package org.imelab.registry.regfile;

import org.imelab.registry.RegType;
import org.imelab.registry.RegValue;

/**
 * The text of one value line exactly as regedit and {@code reg export} write it: {@code @=} for
 * the default value, quoted names with {@code \\} and {@code \"} escaped, {@code dword:%08x},
 * {@code hex:} for REG_BINARY and {@code hex(n):} for every other type, hex bytes lower case and
 * folded with {@code ,\} into lines continued by two spaces.
 */
public final class RegFileFormat {
    /** The first line of a Unicode (regedit 5) file. */
    public static final String HEADER_V5 = "Windows Registry Editor Version 5.00";
    /** The first line of an ANSI (regedit 4) file. */
    public static final String HEADER_V4 = "REGEDIT4";
    public static final String CRLF = "\r\n";

    /**
     * regedit folds hex data once the line, counted from its first column (name included) and
     * with each byte counted as {@code xx,}, reaches this width; continuation lines start with
     * two spaces. This gives the 80-column files Windows produces.
     */
    static final int HEX_LINE_WIDTH = 77;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RegFileFormat() {
    }

    /** The value line(s) for one value, without the final CRLF. */
    public static String valueLine(String name, RegValue value) {
        StringBuilder sb = new StringBuilder(64);
        appendName(sb, name);
        appendData(sb, value.typeCode(), value.data());
        return sb.toString();
    }

    /** {@code "name"=-} (or {@code @=-}): deletes a value on import. */
    public static String deletedValueLine(String name) {
        StringBuilder sb = new StringBuilder();
        appendName(sb, name);
        return sb.append('-').toString();
    }

    /** Escapes a name or string for use between double quotes. */
    public static String escape(String s) {
        if (s.indexOf('\\') < 0 && s.indexOf('"') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '"') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * A name is escaped like a string, and a line break or NUL in it (which regedit would write
     * raw, breaking the file) as {@code \n}, {@code \r}, {@code \0}, as Wine does.
     */
    private static String escapeName(String name) {
        String s = escape(name);
        if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && s.indexOf('\0') < 0) {
            return s;
        }
        return s.replace("\n", "\\n").replace("\r", "\\r").replace("\0", "\\0");
    }

    private static void appendName(StringBuilder sb, String name) {
        if (name.isEmpty()) {
            sb.append("@=");
        } else {
            sb.append('"').append(escapeName(name)).append("\"=");
        }
    }

    private static void appendData(StringBuilder sb, int typeCode, byte[] data) {
        if (typeCode == RegType.REG_SZ.code()) {
            String s = plainString(data);
            if (s != null) {
                sb.append('"').append(escape(s)).append('"');
                return;
            }
        } else if (typeCode == RegType.REG_DWORD.code() && data.length == 4) {
            int v = (data[0] & 0xff) | (data[1] & 0xff) << 8 | (data[2] & 0xff) << 16 | (data[3] & 0xff) << 24;
            String hex = Integer.toHexString(v);
            sb.append("dword:");
            sb.append("00000000", 0, 8 - hex.length()).append(hex);
            return;
        }
        appendHex(sb, typeCode, data);
    }

    /**
     * The string a REG_SZ holds when it can be written between quotes and read back to the same
     * bytes: one terminating NUL and no NUL, CR or LF inside. Anything else is written as
     * {@code hex(1):}, which every importer reads back byte for byte (regedit itself would
     * truncate at the first NUL).
     */
    private static String plainString(byte[] data) {
        if (data.length < 2 || (data.length & 1) != 0
                || data[data.length - 1] != 0 || data[data.length - 2] != 0) {
            return null;
        }
        // decoded unit by unit: the file is UTF-16LE too, so even a lone surrogate survives
        String s = Utf16Le.decode(data, 0, data.length - 2);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\0' || c == '\r' || c == '\n') {
                return null;
            }
        }
        return s;
    }

    private static void appendHex(StringBuilder sb, int typeCode, byte[] data) {
        if (typeCode == RegType.REG_BINARY.code()) {
            sb.append("hex:");
        } else {
            sb.append("hex(").append(Integer.toHexString(typeCode)).append("):");
        }
        int lineStart = 0;
        int lineLen = sb.length() - lineStart;
        for (int i = 0; i < data.length; i++) {
            int b = data[i] & 0xff;
            sb.append(HEX[b >>> 4]).append(HEX[b & 0xf]);
            if (i == data.length - 1) {
                break;
            }
            sb.append(',');
            lineLen += 3;
            if (lineLen >= HEX_LINE_WIDTH) {
                sb.append("\\\r\n  ");
                lineLen = 2;
            }
        }
    }
}
