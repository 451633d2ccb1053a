package org.imelab.gateway.protocol.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.imelab.gateway.protocol.DotNetDate;

/**
 * The {@code ApplicationInventory} request payload (one JSON object). imelab's definition
 * (gateway/PROTOCOL.md): a {@code Full} inventory lists every application and replaces what the
 * service knows; a {@code Delta} lists the added or changed ones and the entry ids that
 * disappeared since the last report the service accepted (ime-behaviour.md Part A "inventory").
 */
@JsonPropertyOrder({"InventoryType", "InventoryTime", "Applications", "RemovedEntryIds"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record InventoryReport(
        @JsonProperty("InventoryType") String inventoryType,
        @JsonProperty("InventoryTime") DotNetDate inventoryTime,
        @JsonProperty("Applications") List<InventoryEntry> applications,
        @JsonProperty("RemovedEntryIds") List<String> removedEntryIds) {

    public static final String FULL = "Full";
    public static final String DELTA = "Delta";

    /**
     * One installed application, with the values the agent keeps under {@code Inventories\{entryId}}
     * (the fields of {@code Win32_InstalledWin32Program}). Empty strings mean "not known".
     *
     * @param entryId     the agent's stable id of the entry (a GUID): the same program keeps it across upgrades
     * @param productCode the MSI product code / identifying number, {@code {GUID}}
     * @param language    the language id as the source gives it (e.g. {@code 1033})
     * @param installDate {@code yyyyMMdd}
     */
    @JsonPropertyOrder({"EntryId", "Name", "Version", "Publisher", "ProductCode", "Language", "InstallDate"})
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InventoryEntry(
            @JsonProperty("EntryId") String entryId,
            @JsonProperty("Name") String name,
            @JsonProperty("Version") String version,
            @JsonProperty("Publisher") String publisher,
            @JsonProperty("ProductCode") String productCode,
            @JsonProperty("Language") String language,
            @JsonProperty("InstallDate") String installDate) {

        /** An entry without product code and language. */
        public InventoryEntry(String entryId, String name, String version, String publisher, String installDate) {
            this(entryId, name, version, publisher, null, null, installDate);
        }
    }
}
