package org.imelab.registry.regfile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegType;
import org.imelab.registry.RegValue;
import org.imelab.registry.RegistryView;

/** The line-by-line parser behind {@link RegFileReader}; one instance reads one text. */
final class RegFileParser {
    private final String text;
    private final String source;
    private final RegistryView view;
    private final Charset narrow;
    private final Consumer<? super RegOp> sink;

    private int pos;
    private int lineNo;
    private boolean unicode;
    private RegPath key;
    private boolean inDeletedKey;

    RegFileParser(String text, String source, RegistryView view, Charset narrow, Consumer<? super RegOp> sink) {
        this.text = text;
        this.source = source;
        this.view = view;
        this.narrow = narrow;
        this.sink = sink;
    }

    void parse() {
        String header = nextLine();
        if (header == null) {
            throw error(1, "the file is empty; expected '" + RegFileFormat.HEADER_V5 + "'");
        }
        String h = header.strip();
        if (h.equals(RegFileFormat.HEADER_V5)) {
            unicode = true;
        } else if (!h.equals(RegFileFormat.HEADER_V4)) {
            throw error(lineNo, "not a registry file: expected '" + RegFileFormat.HEADER_V5
                    + "' or '" + RegFileFormat.HEADER_V4 + "', found '" + excerpt(h) + "'");
        }
        String line;
        while ((line = nextLine()) != null) {
            String t = line.stripLeading();
            if (t.isEmpty() || t.charAt(0) == ';' || t.charAt(0) == '#') {
                continue;
            }
            char c = t.charAt(0);
            if (c == '[') {
                keyLine(t);
            } else if (c == '"' || c == '@') {
                valueLine(t);
            } else {
                throw error(lineNo, "expected a [key], a value line or a comment, found '" + excerpt(t) + "'");
            }
        }
    }

    private void keyLine(String t) {
        int close = t.lastIndexOf(']');
        if (close < 0) {
            throw error(lineNo, "key line without a closing ']'");
        }
        requireEnd(t, close + 1, "after the key's ']'");
        boolean delete = t.length() > 1 && t.charAt(1) == '-';
        String path = t.substring(delete ? 2 : 1, close);
        RegPath p;
        try {
            p = RegPath.parse(path, view);
        } catch (IllegalArgumentException e) {
            throw error(lineNo, e.getMessage());
        }
        if (delete) {
            if (p.isRoot()) {
                throw error(lineNo, "a hive root cannot be deleted: " + p);
            }
            sink.accept(new RegOp.DeleteTree(p));
            key = null;
            inDeletedKey = true;
        } else {
            sink.accept(new RegOp.CreateKey(p));
            key = p;
            inDeletedKey = false;
        }
    }

    private void valueLine(String t) {
        int start = lineNo;
        String name;
        int i;
        if (t.charAt(0) == '@') {
            name = "";
            i = 1;
        } else {
            StringBuilder sb = new StringBuilder();
            i = quoted(t, 0, sb, "value name");
            name = sb.toString();
        }
        i = skipSpaces(t, i);
        if (i >= t.length() || t.charAt(i) != '=') {
            throw error(start, "expected '=' after the value name");
        }
        i = skipSpaces(t, i + 1);
        if (key == null && !inDeletedKey) {
            throw error(start, "a value line before any [key] line");
        }
        RegValue value = data(t, i, start); // checked even below a [-key], where it is not applied
        if (key != null) {
            sink.accept(value == null ? new RegOp.DeleteValue(key, name) : new RegOp.Put(key, name, value));
        }
    }

    /** The value a line's data gives, or null for {@code -} (delete the value). */
    private RegValue data(String t, int i, int start) {
        if (t.startsWith("-", i)) {
            requireEnd(t, i + 1, "after '=-'");
            return null;
        }
        if (t.startsWith("\"", i)) {
            StringBuilder sb = new StringBuilder();
            int end = quoted(t, i, sb, "string data");
            requireEnd(t, end, "after the closing quote");
            return new RegValue.Sz(sb.toString());
        }
        if (t.regionMatches(true, i, "dword:", 0, 6)) {
            String digits = stripComment(t.substring(i + 6)).strip();
            if (digits.isEmpty() || digits.length() > 8 || !isHex(digits)) {
                throw error(start, "dword data must be 1 to 8 hex digits, found '" + excerpt(digits) + "'");
            }
            return new RegValue.Dword((int) Long.parseLong(digits, 16));
        }
        if (t.regionMatches(true, i, "hex", 0, 3)) {
            int j = i + 3;
            int type = RegType.REG_BINARY.code();
            if (j < t.length() && t.charAt(j) == '(') {
                int close = t.indexOf(')', j);
                String code = close < 0 ? "" : t.substring(j + 1, close);
                if (code.isEmpty() || code.length() > 8 || !isHex(code)) {
                    throw error(start, "hex(type) needs 1 to 8 hex digits, found '" + excerpt(t.substring(j)) + "'");
                }
                type = (int) Long.parseLong(code, 16);
                j = close + 1;
            }
            if (j >= t.length() || t.charAt(j) != ':') {
                throw error(start, "expected ':' after '" + t.substring(i, j) + "'");
            }
            byte[] bytes = hexBytes(t.substring(j + 1), start);
            return value(type, bytes);
        }
        throw error(start, "unrecognised data: expected \"string\", dword:, hex: or hex(type):, found '"
                + excerpt(t.substring(i)) + "'");
    }

    private RegValue value(int type, byte[] bytes) {
        if (!unicode && (type == RegType.REG_EXPAND_SZ.code() || type == RegType.REG_MULTI_SZ.code())) {
            // REGEDIT4 writes these strings in the ANSI code page, one byte per character
            bytes = new String(bytes, narrow).getBytes(StandardCharsets.UTF_16LE);
        }
        RegValue v = RegValue.fromData(type, bytes);
        // keep the exact bytes when the typed form would not give them back (e.g. a REG_SZ with
        // an inner NUL, a REG_MULTI_SZ with an empty element)
        return Arrays.equals(v.data(), bytes) ? v : new RegValue.Raw(type, bytes);
    }

    /** Hex bytes, following {@code \} continuations onto the next lines. */
    private byte[] hexBytes(String first, int start) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String seg = first;
        while (true) {
            String s = stripComment(seg).strip();
            boolean more = s.endsWith("\\");
            if (more) {
                s = s.substring(0, s.length() - 1).strip();
            }
            hexList(s, out);
            if (!more) {
                return out.toByteArray();
            }
            seg = nextLine();
            if (seg == null) {
                throw error(start, "hex data continues ('\\') past the end of the file");
            }
        }
    }

    private void hexList(String s, ByteArrayOutputStream out) {
        if (s.isEmpty()) {
            return;
        }
        String[] parts = s.split(",", -1);
        for (int k = 0; k < parts.length; k++) {
            String p = parts[k].strip();
            if (p.isEmpty() && k == parts.length - 1 && k > 0) {
                break; // the comma before a line break (or a trailing one)
            }
            if (p.isEmpty() || p.length() > 2 || !isHex(p)) {
                throw error(lineNo, "invalid hex byte '" + excerpt(p) + "' (expected two hex digits between commas)");
            }
            out.write(Integer.parseInt(p, 16));
        }
    }

    /** Reads a double-quoted string starting at {@code i}; returns the index after the closing quote. */
    private int quoted(String t, int i, StringBuilder out, String what) {
        for (int j = i + 1; j < t.length(); j++) {
            char c = t.charAt(j);
            if (c == '"') {
                return j + 1;
            }
            if (c == '\\' && j + 1 < t.length()) {
                char e = t.charAt(++j);
                switch (e) {
                    case '\\', '"' -> out.append(e);
                    case 'n' -> out.append('\n'); // Wine writes these
                    case 'r' -> out.append('\r');
                    case '0' -> out.append('\0');
                    default -> out.append('\\').append(e); // regedit keeps unknown escapes
                }
            } else {
                out.append(c);
            }
        }
        throw error(lineNo, "the " + what + " has no closing '\"'");
    }

    private void requireEnd(String t, int i, String where) {
        String rest = t.substring(Math.min(i, t.length())).strip();
        if (!rest.isEmpty() && rest.charAt(0) != ';') {
            throw error(lineNo, "unexpected text " + where + ": '" + excerpt(rest) + "'");
        }
    }

    private static String stripComment(String s) {
        int c = s.indexOf(';');
        return c < 0 ? s : s.substring(0, c);
    }

    private static int skipSpaces(String t, int i) {
        while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean isHex(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (Character.digit(s.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String excerpt(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** The next line (CRLF, LF or CR ends one), or null at the end. */
    private String nextLine() {
        if (pos >= text.length()) {
            return null;
        }
        int start = pos;
        int end = start;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        pos = end;
        if (pos < text.length()) {
            pos += text.charAt(pos) == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n' ? 2 : 1;
        }
        lineNo++;
        return text.substring(start, end);
    }

    private RegFileException error(int line, String problem) {
        return new RegFileException(source, line, problem);
    }
}
