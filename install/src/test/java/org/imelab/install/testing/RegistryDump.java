package org.imelab.install.testing;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.imelab.registry.Hive;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;

/** Every key and value of a registry as comparable text. */
public final class RegistryDump {
    private RegistryDump() {
    }

    public static SortedMap<String, String> of(Registry reg) {
        SortedMap<String, String> out = new TreeMap<>();
        for (Hive h : Hive.values()) {
            walk(reg, RegPath.of(h), out);
        }
        return out;
    }

    private static void walk(Registry reg, RegPath key, SortedMap<String, String> out) {
        if (!key.isRoot()) {
            out.put(key.toString(), "(key)");
        }
        for (Map.Entry<String, RegValue> v : reg.values(key).entrySet()) {
            out.put(key + " : " + v.getKey(), v.getValue().type() + " " + v.getValue().display());
        }
        for (String sub : reg.subKeys(key)) {
            walk(reg, key.child(sub), out);
        }
    }
}
