package org.imelab.certpicker.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.imelab.certpicker.mdm.LabTenant;

/**
 * The Intune account ids (OID 1.2.840.113556.5.6) for which the Client Cert Checker may choose
 * between several MDM certificates. Configuration, not code (ime-behaviour.md Part A); the lab
 * account is flighted by default. The same test guards agent uninstallation.
 */
public record TenantFlighting(Set<UUID> flightedAccountIds) {

    public TenantFlighting {
        flightedAccountIds = Set.copyOf(flightedAccountIds);
    }

    public static TenantFlighting labDefault() {
        return new TenantFlighting(Set.of(LabTenant.ACCOUNT_ID));
    }

    public static TenantFlighting of(Collection<UUID> accountIds) {
        return new TenantFlighting(Set.copyOf(accountIds));
    }

    /**
     * Parses a list of GUIDs separated by commas, semicolons or white space (braces allowed, as
     * in registry values). An empty text flights nobody.
     *
     * @throws IllegalArgumentException naming the first entry that is not a GUID
     */
    public static TenantFlighting parse(String text) {
        List<UUID> ids = new ArrayList<>();
        for (String part : text.split("[,;\\s]+")) {
            String p = part.trim();
            if (p.startsWith("{") && p.endsWith("}")) {
                p = p.substring(1, p.length() - 1);
            }
            if (p.isEmpty()) {
                continue;
            }
            if (!p.matches("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
                throw new IllegalArgumentException("Not an Intune account id (GUID): '" + part + "'");
            }
            ids.add(UUID.fromString(p));
        }
        return of(ids);
    }

    public boolean isFlighted(UUID accountId) {
        return flightedAccountIds.contains(accountId);
    }
}
