package org.imelab.agent.win32app.rules;

import java.util.Optional;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;
import org.imelab.registry.RegistryView;

/**
 * MSI products as the Uninstall keys record them: Windows Installer writes
 * {@code HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\{ProductCode}} with
 * {@code DisplayVersion} (and the packed {@code Version} DWORD) for every per-machine product, in
 * the 64-bit view for 64-bit packages and under WOW6432Node for 32-bit ones; both views are
 * searched. This is the portable source; it also works against the real registry on Windows.
 */
public final class UninstallKeyMsiProducts implements MsiProducts {
    static final String UNINSTALL = "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall";

    private final Registry registry;

    public UninstallKeyMsiProducts(Registry registry) {
        this.registry = registry;
    }

    @Override
    public Optional<String> installedVersion(String productCode) {
        Optional<String> canonical = ProductCodes.canonical(productCode);
        if (canonical.isEmpty()) {
            return Optional.empty(); // not a GUID: no Uninstall key can be named by it
        }
        String code = canonical.get();
        for (RegistryView view : RegistryView.values()) {
            RegPath key = RegPath.parse(UNINSTALL, view).child(code);
            if (registry.exists(key)) {
                Optional<String> display = registry.get(key, "DisplayVersion").map(RegValue::display).map(String::strip)
                        .filter(s -> !s.isEmpty());
                if (display.isPresent()) {
                    return display;
                }
                return Optional.of(registry.get(key, "Version").filter(v -> v instanceof RegValue.Dword)
                        .map(v -> unpack(((RegValue.Dword) v).value())).orElse(""));
            }
        }
        return Optional.empty();
    }

    /** {@code Version} packs major (8 bits), minor (8 bits) and build (16 bits). */
    static String unpack(int v) {
        return ((v >>> 24) & 0xff) + "." + ((v >>> 16) & 0xff) + "." + (v & 0xffff);
    }
}
