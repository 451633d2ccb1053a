package org.imelab.gateway.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date in the .NET "Microsoft" JSON form the service writes: {@code "\/Date(1700000000000)\/"},
 * milliseconds since the Unix epoch, optionally followed by the zone offset the sender had
 * ({@code "\/Date(1700000000000+0100)\/"}). The slashes are escaped on the wire, which plain JSON
 * writers never do, so this type writes itself raw. {@code -62135596800000} is .NET's
 * {@code DateTime.MinValue}, the service's "not set".
 *
 * @param epochMillis milliseconds since 1970-01-01T00:00:00Z
 * @param offset the offset suffix exactly as received ({@code "+0100"}), or empty; kept only so a
 *               value is written back as it came
 */
@JsonSerialize(using = DotNetDate.Writer.class)
@JsonDeserialize(using = DotNetDate.Reader.class)
public record DotNetDate(long epochMillis, String offset) {

    /** .NET {@code DateTime.MinValue} (0001-01-01T00:00:00), the service's "no date". */
    public static final DotNetDate MIN_VALUE = new DotNetDate(-62135596800000L, "");

    private static final Pattern FORM = Pattern.compile("/Date\\((-?\\d{1,19})([+-]\\d{4})?\\)/");

    public DotNetDate {
        if (offset == null) {
            offset = "";
        }
        if (!offset.isEmpty() && !offset.matches("[+-]\\d{4}")) {
            throw new IllegalArgumentException("offset must be empty or +hhmm/-hhmm: " + offset);
        }
    }

    public static DotNetDate of(Instant instant) {
        return new DotNetDate(instant.toEpochMilli(), "");
    }

    /** Reads the unescaped text ({@code /Date(ms)/}); the JSON reader has already turned {@code \/} into {@code /}. */
    public static DotNetDate parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a \\/Date(ms)\\/ value: \"" + text + "\"");
        }
        long ms;
        try {
            ms = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("date milliseconds out of range: \"" + text + "\"", e);
        }
        return new DotNetDate(ms, m.group(2) == null ? "" : m.group(2));
    }

    /** The instant, or empty for {@link #MIN_VALUE} ("not set"). */
    public Optional<Instant> instant() {
        return isMinValue() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(epochMillis));
    }

    public boolean isMinValue() {
        return epochMillis == MIN_VALUE.epochMillis;
    }

    /** The JSON token as the service writes it, quotes included. */
    public String toJson() {
        return "\"\\/Date(" + epochMillis + offset + ")\\/\"";
    }

    @Override
    public String toString() {
        return "/Date(" + epochMillis + offset + ")/";
    }

    static final class Writer extends StdSerializer<DotNetDate> {
        Writer() {
            super(DotNetDate.class);
        }

        @Override
        public void serialize(DotNetDate value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeRawValue(value.toJson());
        }
    }

    static final class Reader extends StdDeserializer<DotNetDate> {
        Reader() {
            super(DotNetDate.class);
        }

        @Override
        public DotNetDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw JsonMappingException.from(p, "a date must be a string \"\\/Date(ms)\\/\", found "
                        + p.currentToken());
            }
            try {
                return parse(p.getText());
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(p, e.getMessage(), e);
            }
        }
    }
}
