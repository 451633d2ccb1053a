package org.imelab.certpicker.mdm;

import java.util.Map;

/**
 * Microsoft's private arc 1.2.840.113556.5 in Intune MDM device certificates
 * (ime-behaviour.md C §6.4; decoded from a real certificate, see real-artefacts/certs).
 */
public final class IntuneOids {
    private IntuneOids() {
    }

    public static final String ARC = "1.2.840.113556.5";

    /** Intune device id = subject CN; the extension value is the 16 GUID bytes themselves. */
    public static final String DEVICE_ID = ARC + ".4";
    /** Intune account id (the tenant's Intune account, not the Entra tenant id); OCTET STRING of 16 bytes. */
    public static final String ACCOUNT_ID = ARC + ".6";
    /** Enrolling user's id; a GUID. */
    public static final String USER_ID = ARC + ".10";
    /** Entra (Azure AD) tenant id; OCTET STRING of 16 bytes. */
    public static final String TENANT_ID = ARC + ".14";

    /** Names for display; the meaning of the others is not public (C §6.4), so they are shown raw. */
    static final Map<String, String> NAMES = Map.of(
            DEVICE_ID, "Intune device id",
            ACCOUNT_ID, "Intune account id",
            USER_ID, "user id",
            TENANT_ID, "Entra tenant id");

    public static boolean isIntune(String oid) {
        return oid.startsWith(ARC + ".");
    }
}
