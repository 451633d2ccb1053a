package org.imelab.registry.ime;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The time format of the IME's registry values ({@code LastUpdatedTimeUtc}, GRS entries):
 * {@code MM/dd/yyyy HH:mm:ss}, invariant culture, UTC, whole seconds.
 */
public final class ImeTime {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss", Locale.ROOT);
    /** Also accepted when reading: what en-US tools and hand edits leave ({@code 3/23/2023 8:55:35 AM}). */
    private static final List<DateTimeFormatter> LENIENT = List.of(
            DateTimeFormatter.ofPattern("M/d/yyyy H:mm:ss", Locale.ROOT),
            DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US));

    private ImeTime() {
    }

    public static String format(Instant time) {
        return FORMAT.format(LocalDateTime.ofInstant(time.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC));
    }

    /** The instant a value names, or empty when the text is not a time in one of the known forms. */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        try {
            return Optional.of(LocalDateTime.parse(trimmed, FORMAT).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException strict) {
            for (DateTimeFormatter f : LENIENT) {
                try {
                    return Optional.of(LocalDateTime.parse(trimmed, f).toInstant(ZoneOffset.UTC));
                } catch (DateTimeParseException ignored) {
                    // try the next form
                }
            }
            return Optional.empty();
        }
    }
}
