package org.imelab.gateway.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.imelab.gateway.protocol.win32.Win32AppPolicyValidator;

/**
 * The lab file's JSON checks, shared by the readers of its sections: every refusal names the
 * JSON path of what is wrong, and keys starting with {@code _} are comments.
 */
final class LabJson {
    private LabJson() {
    }

    static List<JsonNode> objects(JsonNode node, String at) throws LabDefinitionException {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new LabDefinitionException(at, "must be an array");
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isObject()) {
                throw new LabDefinitionException(at + "[" + i + "]", "must be an object");
            }
            out.add(node.get(i));
        }
        return out;
    }

    static UUID guid(JsonNode root, String field, UUID fallback) throws LabDefinitionException {
        if (!root.hasNonNull(field)) {
            return fallback;
        }
        String v = root.get(field).asText();
        if (!Win32AppPolicyValidator.isGuid(v)) {
            throw new LabDefinitionException(field, "\"" + v + "\" is not a GUID");
        }
        return UUID.fromString(v);
    }

    static JsonNode requireObject(JsonNode node, String at) throws LabDefinitionException {
        if (!node.isObject()) {
            throw new LabDefinitionException(at, "must be an object");
        }
        return node;
    }

    static ObjectNode merge(ObjectNode base, ObjectNode overlay) {
        ObjectNode out = base.deepCopy();
        overlay.fields().forEachRemaining(f -> {
            if (!f.getKey().startsWith("_")) {
                out.set(f.getKey(), f.getValue().deepCopy());
            }
        });
        return out;
    }

    static void checkKeys(JsonNode node, Set<String> allowed, String at) throws LabDefinitionException {
        if (node == null || !node.isObject()) {
            throw new LabDefinitionException(at, "must be an object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.startsWith("_") && !allowed.contains(k)) {
                throw new LabDefinitionException(at.isEmpty() ? k : at + "." + k,
                        "unknown key (allowed: " + new java.util.TreeSet<>(allowed) + ")");
            }
        }
    }
}
