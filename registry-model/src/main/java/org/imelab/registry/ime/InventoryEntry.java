package org.imelab.registry.ime;

/**
 * One installed program of the last inventory, kept as {@code Inventories\{entryId}}. The fields
 * are those of WMI's {@code Win32_InstalledWin32Program} (its {@code Vendor} as {@code Publisher},
 * {@code ProgramId} the program's stable identity in its source) plus the install date the
 * Uninstall keys give; any but the id may be null (value absent). The agent finds its own version
 * in the entry named {@code Microsoft Intune Management Extension}.
 *
 * @param installDate {@code yyyyMMdd} as the source gives it
 */
public record InventoryEntry(
        String entryId,
        String name,
        String version,
        String publisher,
        String language,
        String programId,
        String msiProductCode,
        String msiPackageCode,
        String installDate) {

    public InventoryEntry {
        if (entryId == null || entryId.isEmpty() || entryId.indexOf('\\') >= 0 || entryId.length() > 255) {
            throw new IllegalArgumentException("An inventory entry id is a key name: 1 to 255 characters "
                    + "without a backslash, not '" + entryId + "'");
        }
    }

    /** An entry with the three fields every source has. */
    public static InventoryEntry of(String entryId, String name, String version, String publisher) {
        return new InventoryEntry(entryId, name, version, publisher, null, null, null, null, null);
    }
}
