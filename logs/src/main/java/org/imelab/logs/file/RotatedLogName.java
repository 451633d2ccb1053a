package org.imelab.logs.file;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The IME's log file names: the active {@code {Base}.log} and the rotated
 * {@code {Base}-{yyyyMMdd}-{HHmmss}.log} (rotation time, local), e.g.
 * {@code IntuneManagementExtension-20220803-110145.log} (ime-behaviour.md C §2.3).
 */
public final class RotatedLogName {
    private static final String EXT = ".log";
    /** {@code -yyyyMMdd-HHmmss.log} */
    private static final int STAMP = 1 + 8 + 1 + 6 + EXT.length();

    private RotatedLogName() {
    }

    /** {@code base.log} */
    public static String active(String base) {
        return base + EXT;
    }

    /** {@code base-yyyyMMdd-HHmmss.log} for a rotation at {@code time}. */
    public static String rotated(String base, LocalDateTime time) {
        StringBuilder b = new StringBuilder(base.length() + STAMP).append(base).append('-');
        pad(b, time.getYear(), 4);
        pad(b, time.getMonthValue(), 2);
        pad(b, time.getDayOfMonth(), 2);
        b.append('-');
        pad(b, time.getHour(), 2);
        pad(b, time.getMinute(), 2);
        pad(b, time.getSecond(), 2);
        return b.append(EXT).toString();
    }

    /** The rotation time if {@code fileName} is a rotated file of {@code base} (case-insensitive base). */
    public static Optional<LocalDateTime> rotationTime(String base, String fileName) {
        if (fileName.length() != base.length() + STAMP || !fileName.regionMatches(true, 0, base, 0, base.length())) {
            return Optional.empty();
        }
        return stamp(fileName, base.length());
    }

    /**
     * The base name of an IME log file name: {@code X} for {@code X.log} and for
     * {@code X-yyyyMMdd-HHmmss.log}; empty for anything not ending in {@code .log}.
     */
    public static Optional<String> baseOf(String fileName) {
        if (!fileName.regionMatches(true, fileName.length() - EXT.length(), EXT, 0, EXT.length())
                || fileName.length() == EXT.length()) {
            return Optional.empty();
        }
        int at = fileName.length() - STAMP;
        if (at > 0 && stamp(fileName, at).isPresent()) {
            return Optional.of(fileName.substring(0, at));
        }
        return Optional.of(fileName.substring(0, fileName.length() - EXT.length()));
    }

    private static Optional<LocalDateTime> stamp(String name, int at) {
        if (name.charAt(at) != '-' || name.charAt(at + 9) != '-'
                || !name.regionMatches(true, at + 16, EXT, 0, EXT.length())) {
            return Optional.empty();
        }
        int date = digits(name, at + 1, 8);
        int time = digits(name, at + 10, 6);
        if (date < 0 || time < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.of(date / 10000, date / 100 % 100, date % 100,
                    time / 10000, time / 100 % 100, time % 100));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static void pad(StringBuilder b, int v, int width) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        b.append(s);
    }
}
