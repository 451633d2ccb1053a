package org.imelab.gateway.lab;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.imelab.certpicker.mdm.LabTenant;

/**
 * A lab file, read and checked: the tenant identity the lab's certificates carry, the check-in
 * interval the gateway suggests, groups, apps, and the scripts it serves.
 *
 * @param checkinIntervalMinutes sent as {@code CheckinIntervalMinutes}, null to send none
 * @param enabledFlights sent as {@code EnabledFlights}, null to send none
 * @param platformScripts the {@code PolicyRequest} answer elements, served as written
 * @param remediations the {@code GetScript} answer elements, served as written
 */
public record LabDefinition(String name, Path file, UUID accountId, UUID tenantId, Integer checkinIntervalMinutes,
                            String enabledFlights, Map<String, LabGroup> groups, List<LabApp> apps,
                            List<JsonNode> platformScripts, List<JsonNode> remediations) {

    /**
     * The Intune account id of lab certificates when the lab file names none (extension
     * 1.2.840.113556.5.6): cert-picker's lab tenant, which the Client Cert Checker flights by default.
     */
    public static final UUID DEFAULT_ACCOUNT_ID = LabTenant.ACCOUNT_ID;
    /** The Entra tenant id of lab certificates when the lab file names none (1.2.840.113556.5.14). */
    public static final UUID DEFAULT_TENANT_ID = LabTenant.TENANT_ID;

    public LabDefinition {
        groups = Map.copyOf(groups);
        apps = List.copyOf(apps);
        platformScripts = List.copyOf(platformScripts);
        remediations = List.copyOf(remediations);
    }

    public Optional<LabApp> app(String appId) {
        return apps.stream().filter(a -> a.id().equalsIgnoreCase(appId)).findFirst();
    }
}
