package org.imelab.logs.cmtrace;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.OptionalLong;

/**
 * Reads the {@code date} and {@code time} attributes in the forms seen in the wild: the IME's
 * {@code HH:mm:ss.fffffff} (no bias) and ConfigMgr's {@code HH:mm:ss.fff+bias} / {@code -bias},
 * with unpadded or padded fields ({@code 9-13-2023}, {@code 09-13-2023}, {@code 8:05:01.1}).
 */
final class CmTraceTime {
    private CmTraceTime() {
    }

    /** Local date-time of a record, or null if either attribute cannot be read. */
    static LocalDateTime parse(String date, String time) {
        int[] d = numbers(date, '-', 3, date.length());
        int biasAt = biasStart(time);
        int end = biasAt < 0 ? time.length() : biasAt;
        int dot = time.indexOf('.');
        int[] t = numbers(time, ':', 3, dot < 0 || dot > end ? end : dot);
        if (d == null || t == null) {
            return null;
        }
        int nanos = 0;
        if (dot >= 0 && dot < end) {
            int digits = end - dot - 1;
            if (digits < 1 || digits > 9) {
                return null;
            }
            for (int i = dot + 1; i < end; i++) {
                char c = time.charAt(i);
                if (c < '0' || c > '9') {
                    return null;
                }
                nanos = nanos * 10 + (c - '0');
            }
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
        }
        try {
            return LocalDateTime.of(d[2], d[0], d[1], t[0], t[1], t[2], nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The bias in minutes after the fraction ({@code +480}, {@code -120}), if any. */
    static OptionalLong bias(String time) {
        int at = biasStart(time);
        if (at < 0 || at + 1 >= time.length()) {
            return OptionalLong.empty();
        }
        long v = 0;
        for (int i = at + 1; i < time.length(); i++) {
            char c = time.charAt(i);
            if (c < '0' || c > '9' || i - at > 4) {
                return OptionalLong.empty();
            }
            v = v * 10 + (c - '0');
        }
        return OptionalLong.of(time.charAt(at) == '-' ? -v : v);
    }

    private static int biasStart(String time) {
        for (int i = time.length() - 1; i >= 0; i--) {
            char c = time.charAt(i);
            if (c == '+' || c == '-') {
                return i;
            }
        }
        return -1;
    }

    /** {@code count} decimal numbers separated by {@code sep} in {@code s[0, end)}, or null. */
    private static int[] numbers(String s, char sep, int count, int end) {
        int[] out = new int[count];
        int n = 0;
        int digits = 0;
        int v = 0;
        for (int i = 0; i <= end; i++) {
            char c = i == end ? sep : s.charAt(i);
            if (c == sep) {
                if (digits == 0 || n == count) {
                    return null;
                }
                out[n++] = v;
                v = 0;
                digits = 0;
            } else if (c >= '0' && c <= '9' && digits < 9) {
                v = v * 10 + (c - '0');
                digits++;
            } else {
                return null;
            }
        }
        return n == count ? out : null;
    }
}
