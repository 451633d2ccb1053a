package org.imelab.agent.cli.reg;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.imelab.registry.RegValue;

/** Turns reg add's /t and /d (and /s separator) into a value, with reg.exe's number and list forms. */
final class RegData {
    private RegData() {
    }

    /** The type codes /t accepts, by name (reg.exe's list, including its little-endian alias). */
    static int typeCode(String name) throws RegSyntaxException {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "REG_NONE" -> 0;
            case "REG_SZ" -> 1;
            case "REG_EXPAND_SZ" -> 2;
            case "REG_BINARY" -> 3;
            case "REG_DWORD", "REG_DWORD_LITTLE_ENDIAN" -> 4;
            case "REG_DWORD_BIG_ENDIAN" -> 5;
            case "REG_MULTI_SZ" -> 7;
            case "REG_QWORD" -> 11;
            default -> throw new RegSyntaxException("Unsupported type " + name + " (REG_SZ, REG_MULTI_SZ, REG_EXPAND_SZ, "
                    + "REG_DWORD, REG_QWORD, REG_BINARY, REG_NONE, REG_DWORD_BIG_ENDIAN).");
        };
    }

    static RegValue value(int typeCode, String data, String separator) throws RegSyntaxException {
        return switch (typeCode) {
            case 0 -> new RegValue.None(RegValue.sz(data).data()); // reg.exe stores the text, NUL included
            case 1 -> RegValue.sz(data);
            case 2 -> new RegValue.ExpandSz(data);
            case 3 -> new RegValue.Binary(hex(data));
            case 4 -> RegValue.dword((int) number(data, 0xFFFF_FFFFL, "REG_DWORD"));
            case 5 -> new RegValue.Raw(5, ByteBuffer.allocate(4).putInt((int) number(data, 0xFFFF_FFFFL, "REG_DWORD_BIG_ENDIAN")).array());
            case 7 -> new RegValue.MultiSz(multi(data, separator));
            case 11 -> RegValue.qword(number(data, -1L, "REG_QWORD"));
            default -> throw new IllegalStateException("typeCode() refuses code " + typeCode);
        };
    }

    /** Decimal or 0x-hexadecimal, unsigned, at most {@code max} (-1: any 64-bit value). */
    private static long number(String data, long max, String type) throws RegSyntaxException {
        String t = data.trim();
        if (t.isEmpty()) {
            return 0;
        }
        try {
            long n = t.startsWith("0x") || t.startsWith("0X")
                    ? Long.parseUnsignedLong(t.substring(2), 16)
                    : Long.parseUnsignedLong(t);
            if (max != -1 && Long.compareUnsigned(n, max) > 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new RegSyntaxException("Invalid " + type + " data '" + data
                    + "': give a decimal or 0x-hexadecimal number that fits the type.");
        }
    }

    private static byte[] hex(String data) throws RegSyntaxException {
        String t = data.trim();
        if (t.length() % 2 == 1) {
            t = "0" + t; // reg.exe reads an odd digit count as a leading nibble
        }
        try {
            return HexFormat.of().parseHex(t);
        } catch (IllegalArgumentException e) {
            throw new RegSyntaxException("Invalid REG_BINARY data '" + data + "': give hexadecimal digits such as 01AB.");
        }
    }

    private static List<String> multi(String data, String separator) throws RegSyntaxException {
        List<String> out = new ArrayList<>();
        if (data.isEmpty()) {
            return out;
        }
        int start = 0;
        while (true) {
            int at = data.indexOf(separator, start);
            String part = at < 0 ? data.substring(start) : data.substring(start, at);
            boolean last = at < 0;
            if (part.isEmpty() && !(last && start == data.length())) {
                throw new RegSyntaxException("Invalid REG_MULTI_SZ data '" + data + "': empty strings are not allowed inside a list.");
            }
            if (!part.isEmpty()) {
                out.add(part);
            }
            if (last) {
                return out;
            }
            start = at + separator.length();
        }
    }
}
