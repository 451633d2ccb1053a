package org.imelab.gateway.protocol.win32;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imelab.gateway.protocol.PayloadFormatException;
import org.imelab.gateway.protocol.SideCarJson;

/**
 * Reads the "Get policies" array (the decoded {@code ResponsePayload} of {@code RequestApplication},
 * {@code GetAvailableApp}, {@code GetSelectedApp}). Each element is bound and validated on its
 * own; one that fails is rejected with a reason naming the field, the rest are accepted.
 * Only a document that is not a JSON array at all fails as a whole.
 */
public final class Win32AppPolicyParser {
    private static final Set<String> KNOWN = knownFields();

    private final SideCarJson json;
    private final Win32AppPolicyValidator validator = new Win32AppPolicyValidator();

    public Win32AppPolicyParser(SideCarJson json) {
        this.json = json;
    }

    /** @throws PayloadFormatException when the document is not a JSON array */
    public PolicySet parse(String policiesJson) {
        JsonNode root = json.readTree(policiesJson);
        if (root == null || !root.isArray()) {
            throw new PayloadFormatException("the policies document is not a JSON array but "
                    + (root == null ? "empty" : root.getNodeType()));
        }
        List<Win32AppPolicy> accepted = new ArrayList<>();
        List<RejectedPolicy> rejected = new ArrayList<>();
        Map<String, Integer> firstIndexOfKey = new HashMap<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode element = root.get(i);
            String id = text(element, "Id");
            String name = text(element, "Name");
            String reason = null;
            Win32AppPolicy policy = null;
            if (!element.isObject()) {
                reason = "not a JSON object but " + element.getNodeType();
            } else {
                try {
                    policy = bind((ObjectNode) element);
                    List<String> problems = validator.problems(policy);
                    if (!problems.isEmpty()) {
                        reason = String.join("; ", problems);
                    }
                } catch (JsonMappingException e) {
                    reason = describe(e);
                } catch (IllegalArgumentException e) {
                    reason = SideCarJson.oneLine(e);
                }
            }
            if (reason == null) {
                String key = policy.id().toLowerCase(java.util.Locale.ROOT) + "_" + policy.version();
                Integer first = firstIndexOfKey.putIfAbsent(key, i);
                if (first != null) {
                    reason = "the same app and version as policy #" + first;
                }
            }
            if (reason == null) {
                accepted.add(policy);
            } else {
                rejected.add(new RejectedPolicy(i, id, name, reason, element.toString()));
            }
        }
        return new PolicySet(accepted, rejected);
    }

    /** Binds one policy object, keeping fields we do not know. */
    public Win32AppPolicy bind(ObjectNode element) throws JsonMappingException {
        ObjectNode known = element.deepCopy();
        Map<String, JsonNode> unknown = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = known.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!KNOWN.contains(f.getKey())) {
                unknown.put(f.getKey(), f.getValue());
                it.remove();
            }
        }
        try {
            Win32AppPolicy policy = json.mapper().treeToValue(known, Win32AppPolicy.class);
            return unknown.isEmpty() ? policy : policy.withExtensions(unknown);
        } catch (JsonMappingException e) {
            throw e;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw JsonMappingException.from((com.fasterxml.jackson.core.JsonParser) null,
                    SideCarJson.oneLine(e), e);
        }
    }

    /** Writes policies as the service does (compact, the real field order). */
    public String write(List<Win32AppPolicy> policies) {
        return json.write(policies);
    }

    private static String describe(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        String message = SideCarJson.oneLine(e);
        return path.isEmpty() ? message : path + ": " + message;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.isObject() ? node.get(field) : null;
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    private static Set<String> knownFields() {
        JsonPropertyOrder order = Win32AppPolicy.class.getAnnotation(JsonPropertyOrder.class);
        Set<String> names = new java.util.HashSet<>(List.of(order.value()));
        names.add("FlatDepedencies");
        return Set.copyOf(names);
    }
}
