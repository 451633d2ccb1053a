package org.imelab.install.linux;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a systemd {@code ExecStart=}: words split at blanks, double or single
 * quotes, C-style backslash escapes, {@code %%} for a literal percent sign (specifiers) and
 * {@code $$} for a literal dollar sign (environment substitution), as systemd.service(5) and
 * systemd.unit(5) describe them.
 */
public final class SystemdExec {
    private SystemdExec() {
    }

    public static String join(List<String> argv) {
        StringBuilder sb = new StringBuilder();
        for (String a : argv) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(quote(a));
        }
        return sb.toString();
    }

    static String quote(String arg) {
        boolean plain = !arg.isEmpty() && arg.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128
                || "_@+=:,./-".indexOf(c) >= 0);
        if (plain) {
            return arg;
        }
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '%' -> sb.append("%%");
                case '$' -> sb.append("$$");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Splits an {@code ExecStart=} value into the argument vector systemd would execute. */
    public static List<String> split(String line) {
        String value = line.strip();
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (true) {
            while (i < n && Character.isWhitespace(value.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return out;
            }
            StringBuilder word = new StringBuilder();
            char quote = 0;
            while (i < n) {
                char c = value.charAt(i);
                if (quote == 0 && Character.isWhitespace(c)) {
                    break;
                }
                if (quote == 0 && (c == '"' || c == '\'')) {
                    quote = c;
                    i++;
                } else if (quote != 0 && c == quote) {
                    quote = 0;
                    i++;
                } else if (c == '\\') {
                    i = unescape(value, i + 1, word);
                } else if (c == '%') {
                    if (i + 1 < n && value.charAt(i + 1) == '%') {
                        word.append('%');
                        i += 2;
                    } else {
                        throw new IllegalArgumentException("Unsupported specifier at " + i + " in: " + line);
                    }
                } else if (c == '$') {
                    if (i + 1 < n && value.charAt(i + 1) == '$') {
                        word.append('$');
                        i += 2;
                    } else {
                        throw new IllegalArgumentException("Environment variable reference at " + i + " in: " + line);
                    }
                } else {
                    word.append(c);
                    i++;
                }
            }
            if (quote != 0) {
                throw new IllegalArgumentException("Unbalanced quotes in: " + line);
            }
            out.add(word.toString());
        }
    }

    private static int unescape(String s, int i, StringBuilder out) {
        if (i >= s.length()) {
            throw new IllegalArgumentException("Trailing backslash in: " + s);
        }
        char c = s.charAt(i);
        switch (c) {
            case '\\', '"', '\'' -> out.append(c);
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 's' -> out.append(' ');
            case 'x' -> {
                out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                return i + 3;
            }
            default -> throw new IllegalArgumentException("Unsupported escape \\" + c + " in: " + s);
        }
        return i + 1;
    }
}
