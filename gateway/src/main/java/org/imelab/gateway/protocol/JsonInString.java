package org.imelab.gateway.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * The SideCar service's habit of serialising a nested object into a JSON <em>string</em>
 * ({@code "InstallEx":"{\"RunAs\":1,...}"}, {@code "ClientInfo":"{...}"}): on the wire the field
 * is a string, in our records it is the typed value. Put both halves on a record component:
 * {@code @JsonSerialize(using = JsonInString.Writer.class) @JsonDeserialize(using = JsonInString.Reader.class)}.
 *
 * <p>The inner JSON is written with the same mapper, compact, so a value read from the real
 * service is written back byte for byte. An empty string reads as null (the service's response
 * envelope carries {@code "ClientInfo":""}).
 */
public final class JsonInString {
    private JsonInString() {
    }

    /** Writes the value as a string holding its compact JSON. */
    public static final class Writer extends StdSerializer<Object> {
        public Writer() {
            super(Object.class);
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            ObjectCodec codec = gen.getCodec();
            if (!(codec instanceof ObjectMapper mapper)) {
                throw JsonMappingException.from(provider, "nested JSON needs an ObjectMapper as codec");
            }
            gen.writeString(mapper.writeValueAsString(value));
        }
    }

    /** Reads a string holding JSON into the property's declared type. */
    public static final class Reader extends JsonDeserializer<Object> implements ContextualDeserializer {
        private final JavaType type;
        private final String name;

        public Reader() {
            this(null, null);
        }

        private Reader(JavaType type, String name) {
            this.type = type;
            this.name = name;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            return new Reader(property.getType(), property.getName());
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (type == null) {
                throw JsonMappingException.from(p, "nested JSON reader used without a property");
            }
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw JsonMappingException.from(p, name + " must be a string holding JSON, found "
                        + p.currentToken());
            }
            String text = p.getText();
            if (text.isEmpty()) {
                return null;
            }
            ObjectMapper mapper = (ObjectMapper) p.getCodec();
            try {
                return mapper.readValue(text, type);
            } catch (JsonMappingException e) {
                throw JsonMappingException.from(p, name + " (JSON inside the string): " + describe(e), e);
            } catch (IOException e) {
                throw JsonMappingException.from(p, name + " is not valid JSON inside the string: "
                        + e.getMessage().lines().findFirst().orElse(""), e);
            }
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) {
            return null;
        }
    }

    /** The message of a mapping failure with its path inside the nested document, without source excerpts. */
    static String describe(JsonMappingException e) {
        String path = e.getPath().isEmpty() ? "" : pathOf(e) + ": ";
        return path + e.getOriginalMessage();
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }
}
