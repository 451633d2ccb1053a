package org.imelab.logs.cmtrace;

import java.nio.file.Path;

/**
 * Turns lines of a CMTrace file into records, one line at a time, so that a file can be read
 * whole or followed while it grows.
 *
 * <p>Rules (C §2.2): a record starts with a line beginning {@code <![LOG[} (after an optional
 * BOM); it ends on the line whose tail is {@code ]LOG]!><attr="..." ...>}; lines in between
 * belong to the message. The tail is searched from the end of the line backwards, and must
 * parse as attributes including {@code time}, so {@code ]LOG]!>} inside a message is harmless.
 * Known limits, both documented in {@link CmTraceReader}: a message line that itself begins
 * with {@code <![LOG[} starts a new record (a writer cut off mid-record looks the same), and a
 * message line other than the last one that ends with a complete attribute tail ends the record
 * early.
 *
 * <p>Lines outside any record (comments, blank lines, other formats) and records never
 * terminated are reported as stray, not dropped silently.
 */
public final class CmTraceParser {

    static final String OPEN = "<![LOG[";
    private static final String CLOSE = "]LOG]!><";
    private static final char BOM = '\uFEFF';

    /** Receives what the parser finds. */
    public interface Sink {
        void record(CmTraceRecord record);

        /** A line that belongs to no complete record. */
        default void stray(int lineNumber, String line) {
        }
    }

    private final Path source;
    private final Sink sink;
    private StringBuilder pending;
    private int pendingLine;

    public CmTraceParser(Path source, Sink sink) {
        this.source = source;
        this.sink = sink;
    }

    /** Feeds one line, without its line terminator. */
    public void line(String line, int lineNumber) {
        if (!line.isEmpty() && line.charAt(0) == BOM) {
            line = line.substring(1);
        }
        if (line.startsWith(OPEN)) {
            abandonPending();
            String body = line.substring(OPEN.length());
            if (!close(body, body, lineNumber)) {
                pending = new StringBuilder(body);
                pendingLine = lineNumber;
            }
        } else if (pending != null) {
            pending.append('\n').append(line);
            close(line, null, pendingLine);
        } else {
            sink.stray(lineNumber, line);
        }
    }

    /** End of input: a record still open was never terminated and is reported as stray. */
    public void finish() {
        abandonPending();
    }

    /** True while a multi-line record has started and not yet ended. */
    public boolean inRecord() {
        return pending != null;
    }

    /**
     * If {@code line} ends with an attribute tail, emits the record and returns true. For the
     * first line of a record {@code single} is the body; for a continuation line the message is
     * the pending text up to the tail.
     */
    private boolean close(String line, String single, int firstLine) {
        int at = line.lastIndexOf(CLOSE);
        while (at >= 0) {
            Attributes a = Attributes.parse(line, at + CLOSE.length());
            if (a != null) {
                String message;
                if (single != null) {
                    message = single.substring(0, at);
                } else {
                    int cut = pending.length() - (line.length() - at);
                    message = pending.substring(0, cut);
                    pending = null;
                }
                sink.record(new CmTraceRecord(message, a.time, a.date, a.component, a.context, a.type,
                        a.thread, a.file, source, firstLine));
                return true;
            }
            at = at == 0 ? -1 : line.lastIndexOf(CLOSE, at - 1);
        }
        return false;
    }

    private void abandonPending() {
        if (pending == null) {
            return;
        }
        String[] lines = pending.toString().split("\n", -1);
        lines[0] = OPEN + lines[0];
        for (int i = 0; i < lines.length; i++) {
            sink.stray(pendingLine + i, lines[i]);
        }
        pending = null;
    }

    /** The attributes after {@code ]LOG]!><}: {@code name="value"} pairs, then {@code >} and the end of the line. */
    private static final class Attributes {
        String time;
        String date;
        String component;
        String context;
        String type;
        String thread;
        String file;

        static Attributes parse(String s, int from) {
            Attributes a = new Attributes();
            int i = from;
            int n = s.length();
            while (true) {
                while (i < n && s.charAt(i) == ' ') {
                    i++;
                }
                if (i >= n) {
                    return null;
                }
                if (s.charAt(i) == '>') {
                    for (int j = i + 1; j < n; j++) {
                        if (!Character.isWhitespace(s.charAt(j))) {
                            return null;
                        }
                    }
                    return a.time == null ? null : a;
                }
                int eq = s.indexOf("=\"", i);
                if (eq <= i) {
                    return null;
                }
                for (int j = i; j < eq; j++) {
                    if (!Character.isLetter(s.charAt(j))) {
                        return null;
                    }
                }
                int close = s.indexOf('"', eq + 2);
                if (close < 0) {
                    return null;
                }
                a.set(s.substring(i, eq), s.substring(eq + 2, close));
                i = close + 1;
            }
        }

        private void set(String name, String value) {
            switch (name) {
                case "time" -> time = value;
                case "date" -> date = value;
                case "component" -> component = value;
                case "context" -> context = value;
                case "type" -> type = value;
                case "thread" -> thread = value;
                case "file" -> file = value;
                default -> {
                    // other writers add attributes (e.g. "severity"); not part of the record
                }
            }
        }
    }
}
