package org.imelab.install.linux;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code Exec} key of a desktop entry (Desktop Entry Specification, "The Exec key"):
 * arguments with reserved characters in double quotes with {@code " ` $ \} escaped, {@code %%}
 * for a percent sign, field codes such as {@code %u}; and on top of that the general escapes
 * of string values ({@code \\}, {@code \s}, ...).
 */
public final class DesktopExec {
    private static final String RESERVED = " \t\n\"'\\><~|&;$*?#()`";

    private DesktopExec() {
    }

    /** The value to write after {@code Exec=}: {@code argv} followed by the field code. */
    public static String join(List<String> argv, String fieldCode) {
        StringBuilder sb = new StringBuilder();
        for (String a : argv) {
            sb.append(quote(a)).append(' ');
        }
        sb.append(fieldCode);
        return escapeValue(sb.toString());
    }

    static String quote(String arg) {
        String percent = arg.replace("%", "%%");
        if (!arg.isEmpty() && arg.chars().noneMatch(c -> RESERVED.indexOf(c) >= 0)) {
            return percent;
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char c : percent.toCharArray()) {
            if (c == '"' || c == '`' || c == '$' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    private static String escapeValue(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
    }

    /**
     * The command a desktop would run for {@code Exec=value} opened with {@code url}: %u and %U
     * become the URL, %f and %F nothing (no file), %% a percent sign.
     */
    public static List<String> expand(String value, String url) {
        String s = unescapeValue(value);
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (true) {
            while (i < n && s.charAt(i) == ' ') {
                i++;
            }
            if (i >= n) {
                return out;
            }
            if (s.charAt(i) == '"') {
                StringBuilder arg = new StringBuilder();
                i++;
                while (i < n && s.charAt(i) != '"') {
                    char c = s.charAt(i);
                    if (c == '\\' && i + 1 < n && "\"`$\\".indexOf(s.charAt(i + 1)) >= 0) {
                        arg.append(s.charAt(i + 1));
                        i += 2;
                    } else {
                        arg.append(c);
                        i++;
                    }
                }
                if (i >= n) {
                    throw new IllegalArgumentException("Unbalanced quote in Exec=" + value);
                }
                i++;
                out.add(arg.toString().replace("%%", "%"));
            } else {
                int start = i;
                while (i < n && s.charAt(i) != ' ') {
                    i++;
                }
                String word = s.substring(start, i);
                switch (word) {
                    case "%u", "%U" -> out.add(url);
                    case "%f", "%F", "%i", "%c", "%k" -> { }
                    default -> {
                        if (word.matches(".*%[^%].*") && !word.contains("%%")) {
                            throw new IllegalArgumentException("Field code inside an argument: " + word);
                        }
                        out.add(word.replace("%%", "%"));
                    }
                }
            }
        }
    }

    private static String unescapeValue(String v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char e = v.charAt(++i);
                switch (e) {
                    case 's' -> sb.append(' ');
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case '\\' -> sb.append('\\');
                    default -> sb.append('\\').append(e);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
