package org.imelab.gateway.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Objects;

/**
 * The JSON settings of the SideCar protocol and the payload encodings in one place. Both the
 * agent's client and the lab gateway use an instance (create one and keep it; it is thread-safe).
 *
 * <p>The mapper writes compact JSON with nulls included, in the records' declared order, and
 * never escapes non-ASCII: what the real service does, so real documents round-trip byte for
 * byte.
 */
public final class SideCarJson {
    private final ObjectMapper mapper;

    public SideCarJson() {
        mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** The configured mapper (for callers that bind their own records the same way). */
    public ObjectMapper mapper() {
        return mapper;
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** @throws PayloadFormatException with a one-line reason when the text is not a {@code type} */
    public <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new PayloadFormatException("not a valid " + type.getSimpleName() + ": " + oneLine(e), e);
        }
    }

    public <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new PayloadFormatException("not a valid " + type.getType().getTypeName() + ": " + oneLine(e), e);
        }
    }

    public JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new PayloadFormatException("not valid JSON: " + oneLine(e), e);
        }
    }

    public String writeSession(SideCarGatewaySession session) {
        return write(session);
    }

    public SideCarGatewaySession readSession(String json) {
        return read(json, SideCarGatewaySession.class);
    }

    /** A response payload: the JSON of {@code value}, compressed when the request type's answer is. */
    public String encodeResponsePayload(RequestContentType type, Object value) {
        return encodeResponseJson(type, write(value));
    }

    /** A response payload from JSON text, compressed when the request type's answer is. */
    public String encodeResponseJson(RequestContentType type, String json) {
        Objects.requireNonNull(json, "json");
        return type.responseEncoding() == PayloadEncoding.COMPRESSED ? CompressedPayload.encode(json) : json;
    }

    /** The JSON text of a response payload, decompressed when the request type's answer is compressed. */
    public String decodeResponsePayload(RequestContentType type, String payload) {
        if (payload == null) {
            throw new PayloadFormatException("the " + type + " response has no ResponsePayload");
        }
        return type.responseEncoding() == PayloadEncoding.COMPRESSED ? CompressedPayload.decode(payload) : payload;
    }

    /** The first line of a Jackson message, without the source excerpt Jackson appends. */
    public static String oneLine(Exception e) {
        String m = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
                : e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
