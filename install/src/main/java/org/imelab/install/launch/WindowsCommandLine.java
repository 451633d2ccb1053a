package org.imelab.install.launch;

import java.util.ArrayList;
import java.util.List;

/**
 * Command lines as Windows programs split them (CommandLineToArgvW and the C runtime): used for a
 * service's binary path, a task's arguments and the moniker's shell\open\command. The program
 * is always quoted, since an unquoted path with spaces is ambiguous to CreateProcess.
 */
public final class WindowsCommandLine {
    private WindowsCommandLine() {
    }

    /** Joins arguments so that a Windows program receives exactly {@code argv}. */
    public static String join(List<String> argv) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < argv.size(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            String a = argv.get(i);
            if (i == 0) {
                if (a.indexOf('"') >= 0) {
                    throw new IllegalArgumentException("A program path cannot contain a quote: " + a);
                }
                sb.append('"').append(a).append('"');
            } else {
                sb.append(quote(a));
            }
        }
        return sb.toString();
    }

    /** The arguments after the program (a scheduled task's {@code <Arguments>}). */
    public static String joinArguments(List<String> args) {
        StringBuilder sb = new StringBuilder();
        for (String a : args) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(quote(a));
        }
        return sb.toString();
    }

    /** One argument, quoted only when it needs to be. */
    public static String quote(String arg) {
        if (!arg.isEmpty() && arg.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '"' || c == '\n' || c == '\u000b')) {
            return arg;
        }
        StringBuilder sb = new StringBuilder("\"");
        int backslashes = 0;
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c == '\\') {
                backslashes++;
                continue;
            }
            if (c == '"') {
                sb.append("\\".repeat(backslashes * 2 + 1)).append('"');
            } else {
                sb.append("\\".repeat(backslashes)).append(c);
            }
            backslashes = 0;
        }
        sb.append("\\".repeat(backslashes * 2)).append('"');
        return sb.toString();
    }

    /**
     * Splits a command line the way the C runtime does for the arguments after the program
     * (the program itself: up to the closing quote, or the first blank when unquoted).
     */
    public static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        // the program name: no escapes
        StringBuilder prog = new StringBuilder();
        if (i < n && line.charAt(i) == '"') {
            i++;
            while (i < n && line.charAt(i) != '"') {
                prog.append(line.charAt(i++));
            }
            i++;
        } else {
            while (i < n && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                prog.append(line.charAt(i++));
            }
        }
        out.add(prog.toString());
        while (true) {
            while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            if (i >= n) {
                return out;
            }
            StringBuilder arg = new StringBuilder();
            boolean inQuotes = false;
            while (i < n) {
                char c = line.charAt(i);
                if (!inQuotes && (c == ' ' || c == '\t')) {
                    break;
                }
                if (c == '\\') {
                    int start = i;
                    while (i < n && line.charAt(i) == '\\') {
                        i++;
                    }
                    int count = i - start;
                    if (i < n && line.charAt(i) == '"') {
                        arg.append("\\".repeat(count / 2));
                        if (count % 2 == 1) {
                            arg.append('"');
                            i++;
                        }
                    } else {
                        arg.append("\\".repeat(count));
                    }
                    continue;
                }
                if (c == '"') {
                    if (inQuotes && i + 1 < n && line.charAt(i + 1) == '"') {
                        arg.append('"'); // "" inside quotes is a literal quote (post-2008 CRT)
                        i += 2;
                        continue;
                    }
                    inQuotes = !inQuotes;
                    i++;
                    continue;
                }
                arg.append(c);
                i++;
            }
            out.add(arg.toString());
        }
    }
}
