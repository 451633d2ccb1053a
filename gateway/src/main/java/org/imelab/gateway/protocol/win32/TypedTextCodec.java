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

/**
 * Reads and writes the two "type + JSON text" pairs of the policy ({@code DetectionType} +
 * {@code DetectionText}, {@code Type} + {@code RequirementText}), where the text's shape depends
 * on the type next to it.
 */
final class TypedTextCodec {
    private TypedTextCodec() {
    }

    static final class DetectionRuleWriter extends StdSerializer<DetectionRule> {
        DetectionRuleWriter() {
            super(DetectionRule.class);
        }

        @Override
        public void serialize(DetectionRule rule, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeNumberField("DetectionType", rule.detectionType().code());
            gen.writeStringField("DetectionText", mapper(gen).writeValueAsString(rule.detection()));
            gen.writeEndObject();
        }
    }

    static final class DetectionRuleReader extends StdDeserializer<DetectionRule> {
        DetectionRuleReader() {
            super(DetectionRule.class);
        }

        @Override
        public DetectionRule deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = p.readValueAsTree();
            DetectionType type = typeOf(p, node, "DetectionType");
            Detection detection = textOf(p, node, "DetectionText", Detection.classFor(type));
            return new DetectionRule(type, detection);
        }
    }

    static final class RequirementRuleWriter extends StdSerializer<ExtendedRequirementRule> {
        RequirementRuleWriter() {
            super(ExtendedRequirementRule.class);
        }

        @Override
        public void serialize(ExtendedRequirementRule rule, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            gen.writeStartObject();
            gen.writeNumberField("Type", rule.type().code());
            gen.writeStringField("RequirementText", mapper(gen).writeValueAsString(rule.requirement()));
            gen.writeEndObject();
        }
    }

    static final class RequirementRuleReader extends StdDeserializer<ExtendedRequirementRule> {
        RequirementRuleReader() {
            super(ExtendedRequirementRule.class);
        }

        @Override
        public ExtendedRequirementRule deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = p.readValueAsTree();
            DetectionType type = typeOf(p, node, "Type");
            if (type == DetectionType.MSI) {
                throw JsonMappingException.from(p, "Type 1 (MSI) is not a requirement rule type");
            }
            RequirementText text = textOf(p, node, "RequirementText", RequirementText.classFor(type));
            return new ExtendedRequirementRule(type, text);
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
