package org.imelab.agent.win32app.exec;

import java.util.ArrayList;
import java.util.List;

/** Turns a policy's command line into the argument list a process is started with. */
public final class CommandLines {
    private CommandLines() {
    }

    /**
     * Off Windows the line goes to {@code /bin/sh -c} unchanged, so lab command lines may use the
     * shell's quoting and redirections.
     */
    public static List<String> posix(String commandLine) {
        return List.of("/bin/sh", "-c", commandLine);
    }

    /**
     * Splits a Windows command line by the rules of {@code CommandLineToArgvW}: whitespace separates
     * arguments outside quotes, {@code "} toggles quoting, {@code 2n} backslashes before a quote give
     * {@code n} backslashes and a quote toggle, {@code 2n+1} give {@code n} backslashes and a literal
     * quote, other backslashes are literal. The program name (first argument) ends at the first
     * whitespace outside quotes and keeps its backslashes as they are.
     */
    public static List<String> windows(String commandLine) {
        List<String> out = new ArrayList<>();
        String s = commandLine.strip();
        int i = 0;
        int n = s.length();
        // the program name: no escape processing, quotes only group
        StringBuilder program = new StringBuilder();
        boolean quoted = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == ' ' || c == '\t')) {
                break;
            } else {
                program.append(c);
            }
        }
        if (program.length() > 0 || n > 0) {
            out.add(program.toString());
        }
        while (i < n) {
            while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
            if (i >= n) {
                break;
            }
            StringBuilder arg = new StringBuilder();
            quoted = false;
            while (i < n) {
                char c = s.charAt(i);
                if (c == '\\') {
                    int slashes = 0;
                    while (i < n && s.charAt(i) == '\\') {
                        slashes++;
                        i++;
                    }
                    if (i < n && s.charAt(i) == '"') {
                        arg.append("\\".repeat(slashes / 2));
                        if (slashes % 2 == 1) {
                            arg.append('"');
                            i++;
                        }
                    } else {
                        arg.append("\\".repeat(slashes));
                    }
                } else if (c == '"') {
                    if (quoted && i + 1 < n && s.charAt(i + 1) == '"') {
                        arg.append('"'); // "" inside quotes: a literal quote (post-2008 msvcrt rule)
                        i += 2;
                        continue;
                    }
                    quoted = !quoted;
                    i++;
                } else if (!quoted && (c == ' ' || c == '\t')) {
                    break;
                } else {
                    arg.append(c);
                    i++;
                }
            }
            out.add(arg.toString());
        }
        return out;
    }
}
