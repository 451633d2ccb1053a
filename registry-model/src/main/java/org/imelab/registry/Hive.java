package org.imelab.registry;

import java.util.Locale;

/** The root keys imelab works with, with the long and short names regedit and reg.exe accept. */
public enum Hive {
    HKEY_LOCAL_MACHINE("HKLM"),
    HKEY_CURRENT_USER("HKCU"),
    HKEY_CLASSES_ROOT("HKCR"),
    HKEY_USERS("HKU");

    private final String shortName;

    Hive(String shortName) {
        this.shortName = shortName;
    }

    public String shortName() {
        return shortName;
    }

    public String longName() {
        return name();
    }

    /** Parses {@code HKLM} or {@code HKEY_LOCAL_MACHINE} in any case. */
    public static Hive parse(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        for (Hive hive : values()) {
            if (hive.name().equals(upper) || hive.shortName.equals(upper)) {
                return hive;
            }
        }
        throw new IllegalArgumentException("Unknown registry hive: '" + text
                + "' (expected HKLM, HKCU, HKCR, HKU or their HKEY_ names)");
    }
}
