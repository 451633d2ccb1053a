package org.imelab.agent.inventory;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * One installed program as the inventory collector sees it (the fields of
 * {@code Win32_InstalledWin32Program}). {@code identity} is what stays the same across upgrades
 * of the same program (the Uninstall key name, or WMI's ProgramId), so an upgrade is a change,
 * not a removal plus an addition.
 *
 * @param identity          stable identity of the entry in its source
 * @param name              display name
 * @param version           display version, may be empty
 * @param publisher         publisher (WMI: Vendor), may be empty
 * @param productCode       MSI product code / identifying number, may be empty
 * @param language          language id, may be empty
 * @param installDate       yyyyMMdd as the source gives it, may be empty
 */
public record InstalledProgram(String identity, String name, String version, String publisher,
        String productCode, String language, String installDate) {

    public InstalledProgram {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(name, "name");
        version = nz(version);
        publisher = nz(publisher);
        productCode = nz(productCode);
        language = nz(language);
        installDate = nz(installDate);
    }

    /**
     * The name of this entry's key under {@code Inventories}: a GUID derived from the identity,
     * so the same program always lands on the same key and a delta touches only its own key.
     */
    public String entryId() {
        return UUID.nameUUIDFromBytes(identity.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** True when what the service is told about this entry differs (identity aside). */
    public boolean differsFrom(InstalledProgram other) {
        return !name.equals(other.name) || !version.equals(other.version) || !publisher.equals(other.publisher)
                || !productCode.equals(other.productCode) || !language.equals(other.language)
                || !installDate.equals(other.installDate);
    }

    private static String nz(String s) {
        return s == null ? "" : s.trim();
    }
}
