package org.imelab.logs.view;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.imelab.logs.cmtrace.CmTraceRecord;
import org.imelab.logs.cmtrace.CmTraceType;

/**
 * What {@code imelab logs} shows. Empty sets and null values mean "no restriction"; the
 * restrictions combine with AND, the values inside one set with OR. Text comparisons ignore
 * case.
 *
 * @param files      base names of the files ({@code AppWorkload} selects AppWorkload.log and
 *                   its rotated files; a trailing {@code .log} is ignored)
 * @param components record components
 * @param types      record types
 * @param grep       text the message contains
 * @param app        an app id the message mentions (the IME writes app ids in the message:
 *                   {@code (id=...)}, {@code app with id: ...}, {@code {appId}_{version}})
 * @param since      earliest local time shown
 */
public record LogFilter(Set<String> files, Set<String> components, Set<CmTraceType> types, String grep,
        String app, LocalDateTime since) {

    public LogFilter {
        files = lower(files, true);
        components = lower(components, false);
        types = types == null ? Set.of() : Set.copyOf(types);
        grep = grep == null || grep.isEmpty() ? null : grep.toLowerCase(Locale.ROOT);
        app = app == null || app.isBlank() ? null : app.trim().toLowerCase(Locale.ROOT);
    }

    /** Shows everything. */
    public static LogFilter none() {
        return new LogFilter(Set.of(), Set.of(), Set.of(), null, null, null);
    }

    /** The base-name part of the filter, for {@link LogFolder#files(Predicate)}. */
    public Predicate<String> fileFilter() {
        return base -> files.isEmpty() || files.contains(base.toLowerCase(Locale.ROOT));
    }

    /** True if the record passes every restriction; {@code localTime} is its time for {@code since}. */
    public boolean test(CmTraceRecord record, LocalDateTime localTime) {
        if (!components.isEmpty() && !components.contains(record.component().toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (!types.isEmpty() && !types.contains(record.severity())) {
            return false;
        }
        if (since != null && (localTime == null || localTime.isBefore(since))) {
            return false;
        }
        if (grep != null || app != null) {
            String message = record.message().toLowerCase(Locale.ROOT);
            if (grep != null && !message.contains(grep)) {
                return false;
            }
            if (app != null && !message.contains(app)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads a {@code --since} value: a local date-time ({@code 2024-09-27T07:18[:30]}), a date
     * ({@code 2024-09-27}, from midnight) or an age before now: a number and a unit,
     * {@code 90s}, {@code 30m}, {@code 2h}, {@code 1d}.
     */
    public static LocalDateTime parseSince(String text, Clock clock) {
        String t = text.trim();
        if (t.length() >= 2 && Character.isDigit(t.charAt(0)) && Character.isLetter(t.charAt(t.length() - 1))
                && t.chars().limit(t.length() - 1).allMatch(Character::isDigit)) {
            long n;
            try {
                n = Long.parseLong(t.substring(0, t.length() - 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Age too large: " + text);
            }
            Duration age = switch (Character.toLowerCase(t.charAt(t.length() - 1))) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new IllegalArgumentException(
                        "Unknown unit in '" + text + "' (expected s, m, h or d)");
            };
            return LocalDateTime.now(clock).minus(age);
        }
        try {
            return t.length() == 10 ? LocalDate.parse(t).atStartOfDay() : LocalDateTime.parse(t);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("Cannot read '" + text
                    + "' as a time: use 2024-09-27T07:18, 2024-09-27, or an age like 30m, 2h, 1d");
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Cannot read '" + text + "' as a time: " + e.getMessage());
        }
    }

    private static Set<String> lower(Set<String> values, boolean stripLog) {
        if (values == null) {
            return Set.of();
        }
        return values.stream()
                .map(v -> v.trim().toLowerCase(Locale.ROOT))
                .map(v -> stripLog && v.endsWith(".log") ? v.substring(0, v.length() - 4) : v)
                .filter(v -> !v.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
