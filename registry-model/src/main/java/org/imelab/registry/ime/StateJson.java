package org.imelab.registry.ime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The compact JSON of the state messages: fields in a fixed order, no spaces, {@code null} written
 * out, as the agent's serializer writes them. Parsing accepts any order and spacing.
 */
final class StateJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private StateJson() {
    }

    /** Writes one object; the body writes its fields in order. */
    static String write(Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            body.write(new Fields(g));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    interface Body {
        void write(Fields f) throws IOException;
    }

    /** Field writers that spell nulls. */
    static final class Fields {
        private final JsonGenerator g;

        Fields(JsonGenerator g) {
            this.g = g;
        }

        void code(String name, ImeCode value) throws IOException {
            integer(name, value == null ? null : value.code());
        }

        void integer(String name, Integer value) throws IOException {
            g.writeFieldName(name);
            if (value == null) {
                g.writeNull();
            } else {
                g.writeNumber(value);
            }
        }

        void string(String name, String value) throws IOException {
            g.writeFieldName(name);
            if (value == null) {
                g.writeNull();
            } else {
                g.writeString(value);
            }
        }

        void strings(String name, List<String> values) throws IOException {
            g.writeFieldName(name);
            if (values == null) {
                g.writeNull();
                return;
            }
            g.writeStartArray();
            for (String v : values) {
                g.writeString(v);
            }
            g.writeEndArray();
        }
    }

    /** Reads the object of a state message, or explains why the text is not one. */
    static JsonNode object(String json, String what) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(what + " is not a JSON object: " + json);
        }
        return node;
    }

    static Integer integer(JsonNode obj, String field, String what) {
        JsonNode n = obj.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            long v = n.longValue();
            // Win32 codes sometimes arrive unsigned (0x87D1041C as 2278622236): same 32 bits.
            if (v >= Integer.MIN_VALUE && v <= 0xFFFF_FFFFL) {
                return (int) v;
            }
        }
        throw new IllegalArgumentException(what + ": " + field + " is not a 32-bit integer: " + n);
    }

    static <E extends ImeCode> E code(JsonNode obj, String field, IntFunction<java.util.Optional<E>> lookup, String what) {
        Integer code = integer(obj, field, what);
        if (code == null) {
            return null;
        }
        return lookup.apply(code).orElseThrow(() -> new IllegalArgumentException(
                what + ": unknown " + field + " code " + code));
    }

    static String string(JsonNode obj, String field, String what) {
        JsonNode n = obj.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new IllegalArgumentException(what + ": " + field + " is not a string: " + n);
        }
        return n.textValue();
    }

    static List<String> strings(JsonNode obj, String field, String what) {
        JsonNode n = obj.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            throw new IllegalArgumentException(what + ": " + field + " is not an array: " + n);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isTextual()) {
                throw new IllegalArgumentException(what + ": " + field + " holds a non-string: " + e);
            }
            out.add(e.textValue());
        }
        return List.copyOf(out);
    }
}
