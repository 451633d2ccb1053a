package org.imelab.registry.tree;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.imelab.registry.RegValue;

/**
 * One key of an in-process registry tree. Subkeys and value names are looked up without case and
 * keep the case they were created with; subkeys enumerate in case-insensitive order (as Windows
 * does), values in the order they were first set.
 */
public final class KeyNode {
    private final String name;
    private final TreeMap<String, KeyNode> children = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final LinkedHashMap<String, Named> values = new LinkedHashMap<>();

    private record Named(String name, RegValue value) {
    }

    public KeyNode(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public KeyNode child(String childName) {
        return children.get(childName);
    }

    public KeyNode childOrCreate(String childName) {
        return children.computeIfAbsent(childName, KeyNode::new);
    }

    public KeyNode removeChild(String childName) {
        return children.remove(childName);
    }

    public Collection<KeyNode> children() {
        return children.values();
    }

    public List<String> childNames() {
        List<String> out = new ArrayList<>(children.size());
        for (KeyNode c : children.values()) {
            out.add(c.name);
        }
        return out;
    }

    public RegValue value(String valueName) {
        Named n = values.get(key(valueName));
        return n == null ? null : n.value;
    }

    /** Sets a value; an existing value keeps its position and the case of its name. */
    public void putValue(String valueName, RegValue value) {
        values.compute(key(valueName), (k, old) -> new Named(old == null ? valueName : old.name, value));
    }

    public boolean removeValue(String valueName) {
        return values.remove(key(valueName)) != null;
    }

    public Map<String, RegValue> values() {
        LinkedHashMap<String, RegValue> out = new LinkedHashMap<>();
        for (Named n : values.values()) {
            out.put(n.name, n.value);
        }
        return out;
    }

    public int valueCount() {
        return values.size();
    }

    private static String key(String valueName) {
        return valueName.toLowerCase(Locale.ROOT);
    }
}
