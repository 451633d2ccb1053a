package org.imelab.agent.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imelab.registry.Hive;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;
import org.imelab.registry.RegistryView;

/**
 * The portable inventory source: the Uninstall keys of the machine (both views) and of the
 * current user, read the way Programs and Features reads them. Entries without a DisplayName,
 * system components and updates (ParentKeyName / ReleaseType) are left out, as Windows does.
 */
public final class UninstallKeyPrograms implements InstalledPrograms {
    static final String UNINSTALL = "Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall";

    private final Registry registry;

    public UninstallKeyPrograms(Registry registry) {
        this.registry = registry;
    }

    @Override
    public List<InstalledProgram> list() {
        // identity -> program; the first view that has an identity wins (64-bit before 32-bit)
        Map<String, InstalledProgram> out = new LinkedHashMap<>();
        collect(RegPath.of(Hive.HKEY_LOCAL_MACHINE).child(UNINSTALL), "HKLM64", out);
        collect(RegPath.of(Hive.HKEY_LOCAL_MACHINE).child(UNINSTALL).withView(RegistryView.VIEW_32), "HKLM32", out);
        collect(RegPath.of(Hive.HKEY_CURRENT_USER).child(UNINSTALL), "HKCU", out);
        return new ArrayList<>(out.values());
    }

    private void collect(RegPath root, String scope, Map<String, InstalledProgram> out) {
        for (String keyName : registry.subKeys(root)) {
            Map<String, RegValue> v = registry.values(root.child(keyName));
            String name = text(v, "DisplayName");
            if (name.isEmpty() || dword(v, "SystemComponent").orElse(0) == 1
                    || !text(v, "ParentKeyName").isEmpty() || !text(v, "ReleaseType").isEmpty()) {
                continue;
            }
            String identity = scope + "\\" + keyName;
            String productCode = isGuidInBraces(keyName) ? keyName : "";
            out.putIfAbsent(identity, new InstalledProgram(identity, name, text(v, "DisplayVersion"),
                    text(v, "Publisher"), productCode, languageOf(v), text(v, "InstallDate")));
        }
    }

    private static String languageOf(Map<String, RegValue> v) {
        Optional<Integer> lang = dword(v, "Language");
        return lang.map(String::valueOf).orElseGet(() -> text(v, "Language"));
    }

    private static String text(Map<String, RegValue> values, String name) {
        RegValue value = get(values, name);
        return switch (value) {
            case RegValue.Sz s -> s.value();
            case RegValue.ExpandSz s -> s.value();
            case RegValue.Dword d -> String.valueOf(d.value());
            case null, default -> "";
        };
    }

    private static Optional<Integer> dword(Map<String, RegValue> values, String name) {
        return get(values, name) instanceof RegValue.Dword d ? Optional.of(d.value()) : Optional.empty();
    }

    private static RegValue get(Map<String, RegValue> values, String name) {
        for (Map.Entry<String, RegValue> e : values.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    static boolean isGuidInBraces(String s) {
        return s.length() == 38 && s.charAt(0) == '{' && s.charAt(37) == '}'
                && s.substring(1, 37).matches("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");
    }
}
