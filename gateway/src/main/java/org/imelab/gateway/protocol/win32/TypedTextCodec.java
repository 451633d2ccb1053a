package org.imelab.gateway.protocol.win32;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.function.Function;

/**
 * Reads and writes the two "type + JSON text" pairs of the policy ({@code DetectionType} +
 * {@code DetectionText}, {@code Type} + {@code RequirementText}), where the text's shape depends
 * on the type next to it.
 */
final class TypedTextCodec {
    private TypedTextCodec() {
    }

    static final class DetectionRuleWriter extends PairWriter<DetectionRule> {
        DetectionRuleWriter() {
            super(DetectionRule.class, "DetectionType", "DetectionText", DetectionRule::detectionType,
                    DetectionRule::detection);
        }
    }

    static final class DetectionRuleReader extends PairReader<DetectionRule, Detection> {
        DetectionRuleReader() {
            super(DetectionRule.class, "DetectionType", "DetectionText");
        }

        @Override
        Class<? extends Detection> textClass(JsonParser p, DetectionType type) {
            return Detection.classFor(type);
        }

        @Override
        DetectionRule rule(DetectionType type, Detection text) {
            return new DetectionRule(type, text);
        }
    }

    static final class RequirementRuleWriter extends PairWriter<ExtendedRequirementRule> {
        RequirementRuleWriter() {
            super(ExtendedRequirementRule.class, "Type", "RequirementText", ExtendedRequirementRule::type,
                    ExtendedRequirementRule::requirement);
        }
    }

    static final class RequirementRuleReader extends PairReader<ExtendedRequirementRule, RequirementText> {
        RequirementRuleReader() {
            super(ExtendedRequirementRule.class, "Type", "RequirementText");
        }

        @Override
        Class<? extends RequirementText> textClass(JsonParser p, DetectionType type) throws JsonMappingException {
            if (type == DetectionType.MSI) {
                throw JsonMappingException.from(p, "Type 1 (MSI) is not a requirement rule type");
            }
            return RequirementText.classFor(type);
        }

        @Override
        ExtendedRequirementRule rule(DetectionType type, RequirementText text) {
            return new ExtendedRequirementRule(type, text);
        }
    }

    /** Writes {@code {"<typeField>": code, "<textField>": "<the text's JSON>"}}. */
    private abstract static class PairWriter<R> extends StdSerializer<R> {
        private final String typeField;
        private final String textField;
        private final Function<R, DetectionType> type;
        private final Function<R, Object> text;

        PairWriter(Class<R> rule, String typeField, String textField, Function<R, DetectionType> type,
                Function<R, Object> text) {
            super(rule);
            this.typeField = typeField;
            this.textField = textField;
            this.type = type;
            this.text = text;
        }

        @Override
        public final void serialize(R rule, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeNumberField(typeField, type.apply(rule).code());
            gen.writeStringField(textField, mapper(gen).writeValueAsString(text.apply(rule)));
            gen.writeEndObject();
        }
    }

    /** Reads the type first, then the text as the record class that type calls for. */
    private abstract static class PairReader<R, T> extends StdDeserializer<R> {
        private final String typeField;
        private final String textField;

        PairReader(Class<R> rule, String typeField, String textField) {
            super(rule);
            this.typeField = typeField;
            this.textField = textField;
        }

        abstract Class<? extends T> textClass(JsonParser p, DetectionType type) throws JsonMappingException;

        abstract R rule(DetectionType type, T text);

        @Override
        public final R deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = p.readValueAsTree();
            DetectionType type = typeOf(p, node, typeField);
            T text = textOf(p, node, textField, textClass(p, type));
            return rule(type, text);
        }
    }

    private static ObjectMapper mapper(JsonGenerator gen) throws JsonMappingException {
        if (gen.getCodec() instanceof ObjectMapper m) {
            return m;
        }
        throw JsonMappingException.from(gen, "nested JSON needs an ObjectMapper as codec");
    }

    private static DetectionType typeOf(JsonParser p, JsonNode node, String field) throws JsonMappingException {
        if (node == null || !node.isObject()) {
            throw JsonMappingException.from(p, "a rule must be an object");
        }
        JsonNode t = node.get(field);
        if (t == null || !t.isInt()) {
            throw JsonMappingException.from(p, field + " must be an integer, found " + (t == null ? "nothing" : t));
        }
        return DetectionType.of(t.intValue()).orElseThrow(() ->
                JsonMappingException.from(p, field + " " + t.intValue() + " is not a known rule type"));
    }

    private static <T> T textOf(JsonParser p, JsonNode node, String field, Class<T> type) throws IOException {
        JsonNode text = node.get(field);
        if (text == null || !text.isTextual()) {
            throw JsonMappingException.from(p, field + " must be a string holding JSON, found "
                    + (text == null ? "nothing" : text.getNodeType()));
        }
        ObjectMapper mapper = (ObjectMapper) p.getCodec();
        try {
            return mapper.readValue(text.textValue(), type);
        } catch (JsonMappingException e) {
            throw JsonMappingException.from(p, field + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw JsonMappingException.from(p, field + " is not valid JSON inside the string", e);
        }
    }
}
