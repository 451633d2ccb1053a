package org.imelab.agent.win32app.rules;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * MSI product codes as Windows Installer spells them: a GUID in braces, upper case. Policies carry
 * them in any case, with or without braces; Windows Installer refuses lower-case GUIDs.
 */
public final class ProductCodes {
    private static final Pattern GUID =
            Pattern.compile("\\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}}");

    private ProductCodes() {
    }

    /** The canonical {@code {XXXXXXXX-...}} form, or empty when the text is not a GUID. */
    public static Optional<String> canonical(String productCode) {
        if (productCode == null) {
            return Optional.empty();
        }
        String c = productCode.strip().toUpperCase(Locale.ROOT);
        if (!c.startsWith("{")) {
            c = "{" + c + "}";
        }
        return GUID.matcher(c).matches() ? Optional.of(c) : Optional.empty();
    }
}
