package org.imelab.certpicker.mdm;

import java.util.UUID;

/**
 * The ids of imelab's lab tenant, written into the MDM certificates the lab gateway issues and
 * flighted by default (ime-behaviour.md Part A "tenant flighting"). The last twelve hex digits
 * spell "imelab" in ASCII, so a lab certificate is recognisable at a glance.
 */
public final class LabTenant {
    private LabTenant() {
    }

    /** Intune account id (1.2.840.113556.5.6), as text for annotations and configuration files. */
    public static final String ACCOUNT_ID_TEXT = "1ab0acc0-0000-4000-8000-696d656c6162";

    /** Intune account id (1.2.840.113556.5.6). */
    public static final UUID ACCOUNT_ID = UUID.fromString(ACCOUNT_ID_TEXT);

    /** Entra tenant id (1.2.840.113556.5.14). */
    public static final UUID TENANT_ID = UUID.fromString("1ab07e7a-0000-4000-8000-696d656c6162");

    /** The issuing CA's common name, as on real devices. */
    public static final String DEVICE_CA_NAME = "Microsoft Intune MDM Device CA";
}
