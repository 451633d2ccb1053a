package org.imelab.agent.win32app.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Parsing of the text values rules compare against; each returns empty for text that is not of its kind. */
final class RuleValues {
    private static final DateTimeFormatter DOTNET_INVARIANT =
            DateTimeFormatter.ofPattern("M/d/yyyy H:mm:ss", Locale.ROOT);

    private RuleValues() {
    }

    /** Decimal, or hex with {@code 0x}. */
    static OptionalLong integer(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        String t = text.strip();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return OptionalLong.of(Long.parseUnsignedLong(t.substring(2), 16));
            }
            return OptionalLong.of(Long.parseLong(t));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    static OptionalDouble decimal(String text) {
        try {
            return text == null ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(text.strip()));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    static Optional<Boolean> bool(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Optional.of(true);
            case "false", "0" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /**
     * A point in time, to the second: ISO-8601 with or without offset (without = UTC), a bare ISO
     * date (midnight UTC), or .NET's invariant {@code M/d/yyyy H:mm:ss} (UTC).
     */
    static Optional<Instant> dateTime(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant().truncatedTo(ChronoUnit.SECONDS));
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return Optional.of(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return Optional.of(LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return Optional.of(LocalDateTime.parse(t, DOTNET_INVARIANT).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
