package org.imelab.logs.cmtrace;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One CMTrace record as read from a file. The attributes are kept as written ({@code time},
 * {@code date}, {@code type}, {@code thread} are raw text, empty when absent) so that nothing a
 * tool could rely on is lost; the typed views are derived from them.
 *
 * @param message    the text between {@code <![LOG[} and {@code ]LOG]!>}; the lines of a
 *                   multi-line record joined by {@code \n}
 * @param time       raw {@code time} attribute, e.g. {@code 08:45:59.2422749} (IME) or
 *                   {@code 10:32:25.456-120} (ConfigMgr, with bias)
 * @param date       raw {@code date} attribute, e.g. {@code 9-13-2023}
 * @param component  {@code component} attribute
 * @param context    {@code context} attribute (always empty in IME files)
 * @param type       raw {@code type} attribute: 1 information, 2 warning, 3 error
 * @param thread     raw {@code thread} attribute
 * @param file       {@code file} attribute (always empty in IME files)
 * @param source     the file the record was read from (null when parsed from text)
 * @param lineNumber 1-based line of the record's first line in {@code source}
 */
public record CmTraceRecord(String message, String time, String date, String component, String context,
        String type, String thread, String file, Path source, int lineNumber) {

    public CmTraceRecord {
        Objects.requireNonNull(message, "message");
        time = Objects.requireNonNullElse(time, "");
        date = Objects.requireNonNullElse(date, "");
        component = Objects.requireNonNullElse(component, "");
        context = Objects.requireNonNullElse(context, "");
        type = Objects.requireNonNullElse(type, "");
        thread = Objects.requireNonNullElse(thread, "");
        file = Objects.requireNonNullElse(file, "");
    }

    /** The local date and time the line carries (100 ns precision), or null if it cannot be read. */
    public LocalDateTime localDateTime() {
        return CmTraceTime.parse(date, time);
    }

    /**
     * The ConfigMgr bias in minutes, Windows convention (UTC = local + bias), if the time has
     * one. IME lines never do: their zone is not in the file.
     */
    public OptionalLong biasMinutes() {
        return CmTraceTime.bias(time);
    }

    /**
     * The instant of the record: with a bias, exact; without (the IME's case), the local time
     * interpreted in {@code assumedZone}. Null if the time cannot be read.
     */
    public Instant instant(ZoneId assumedZone) {
        LocalDateTime local = localDateTime();
        if (local == null) {
            return null;
        }
        OptionalLong bias = biasMinutes();
        if (bias.isPresent()) {
            return local.plusMinutes(bias.getAsLong()).toInstant(ZoneOffset.UTC);
        }
        return local.atZone(assumedZone).toInstant();
    }

    /** The severity of {@link #type()}. */
    public CmTraceType severity() {
        return CmTraceType.of(type);
    }

    /** The numeric thread id, if {@code thread} starts with one (ConfigMgr may add {@code " (0x..)"}). */
    public OptionalLong threadId() {
        int i = 0;
        long v = 0;
        while (i < thread.length() && i < 18 && Character.isDigit(thread.charAt(i))) {
            v = v * 10 + (thread.charAt(i) - '0');
            i++;
        }
        return i == 0 ? OptionalLong.empty() : OptionalLong.of(v);
    }
}
