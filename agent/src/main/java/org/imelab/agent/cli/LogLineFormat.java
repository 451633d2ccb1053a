package org.imelab.agent.cli;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.imelab.logs.cmtrace.CmTraceRecord;
import org.imelab.logs.cmtrace.CmTraceType;
import org.imelab.logs.file.RotatedLogName;
import org.imelab.logs.view.LogEntry;

/**
 * One record as a terminal line:
 * {@code 2024-09-27 07:18:23.678 I IntuneManagementExtension [26] After impersonation: ...}:
 * time, type marker (I, W, E), the file's base name (and {@code /component} when the
 * component differs, as in the legacy layout), the thread, the message; continuation lines of a
 * multi-line message are indented under the message. Warnings yellow, errors red when colour is on.
 */
final class LogLineFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final String NO_TIME = "????-??-?? ??:??:??.???";
    private static final int SOURCE_WIDTH = "IntuneManagementExtension".length();
    private static final String YELLOW = "\u001b[33m";
    private static final String RED = "\u001b[31m";
    private static final String RESET = "\u001b[0m";

    private final boolean color;

    LogLineFormat(boolean color) {
        this.color = color;
    }

    String format(LogEntry entry) {
        CmTraceRecord r = entry.record();
        LocalDateTime t = entry.localTime();
        StringBuilder b = new StringBuilder(64 + r.message().length());
        b.append(t == null ? NO_TIME : TIME.format(t)).append(' ');
        CmTraceType type = r.severity();
        b.append(type.marker()).append(' ');
        String source = source(r);
        b.append(source);
        for (int i = source.length(); i < SOURCE_WIDTH; i++) {
            b.append(' ');
        }
        b.append(" [").append(r.thread()).append("] ");
        int indent = b.length();
        String message = r.message();
        if (message.indexOf('\n') >= 0) {
            message = message.replace("\n", "\n" + " ".repeat(indent));
        }
        b.append(message);
        if (color && type == CmTraceType.WARNING) {
            return YELLOW + b + RESET;
        }
        if (color && type == CmTraceType.ERROR) {
            return RED + b + RESET;
        }
        return b.toString();
    }

    private static String source(CmTraceRecord r) {
        String base = r.source() == null ? ""
                : RotatedLogName.baseOf(r.source().getFileName().toString()).orElse(r.source().getFileName().toString());
        if (base.isEmpty()) {
            return r.component();
        }
        return base.equalsIgnoreCase(r.component()) || r.component().isEmpty() ? base : base + "/" + r.component();
    }
}
