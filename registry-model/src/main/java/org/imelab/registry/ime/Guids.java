package org.imelab.registry.ime;

import java.util.Locale;
import java.util.regex.Pattern;

/** The GUID form the IME uses in key names: 8-4-4-4-12 hex digits, written in lower case. */
final class Guids {
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Guids() {
    }

    static boolean isGuid(String text) {
        return text != null && GUID.matcher(text).matches();
    }

    /** The canonical (lower-case) form, or an exception naming what was expected. */
    static String require(String text, String what) {
        if (!isGuid(text)) {
            throw new IllegalArgumentException(what + " must be a GUID such as "
                    + "6e0911dd-6755-4eb7-8a75-ba02e685232b, not '" + text + "'");
        }
        return text.toLowerCase(Locale.ROOT);
    }
}
