package org.imelab.gateway.lab.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import org.imelab.gateway.lab.LabDefinitionException;

/** Small readers for Graph JSON with errors that name the path. */
final class GraphJson {
    private GraphJson() {
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    static String requiredText(JsonNode node, String field, String at) throws LabDefinitionException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || !v.isTextual() || v.textValue().isBlank()) {
            throw new LabDefinitionException(at + "." + field, "is required (a non-empty string)");
        }
        return v.textValue();
    }

    static Integer optionalInt(JsonNode node, String field, String at) throws LabDefinitionException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new LabDefinitionException(at + "." + field, "must be an integer, found " + v);
        }
        return v.intValue();
    }

    static boolean bool(JsonNode node, String field, boolean fallback, String at) throws LabDefinitionException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw new LabDefinitionException(at + "." + field, "must be true or false, found " + v);
        }
        return v.booleanValue();
    }

    /** An enum-like Graph string mapped to a code; case as Graph writes it, compared ignoring case. */
    static int mapped(JsonNode node, String field, Map<String, Integer> codes, Integer fallback, String at)
            throws LabDefinitionException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (fallback != null) {
                return fallback;
            }
            throw new LabDefinitionException(at + "." + field, "is required, one of " + codes.keySet());
        }
        for (Map.Entry<String, Integer> e : codes.entrySet()) {
            if (e.getKey().equalsIgnoreCase(v.asText())) {
                return e.getValue();
            }
        }
        throw new LabDefinitionException(at + "." + field, "\"" + v.asText() + "\" is not one of " + codes.keySet());
    }

    static String odataType(JsonNode node, String at) throws LabDefinitionException {
        String t = text(node, "@odata.type").orElseThrow(() ->
                new LabDefinitionException(at, "has no @odata.type"));
        return t.startsWith("#") ? t.substring(1) : t;
    }
}
