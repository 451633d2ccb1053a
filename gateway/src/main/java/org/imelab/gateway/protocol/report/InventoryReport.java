package org.imelab.gateway.protocol.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.imelab.gateway.protocol.DotNetDate;

/**
 * The {@code ApplicationInventory} request payload (one JSON object). imelab's definition: a
 * {@code Full} inventory lists every application; a {@code Delta} lists the added or changed ones
 * and the entry ids that disappeared since the last report (ime-behaviour.md Part A "inventory").
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

    /** One installed application, with the values the agent keeps under {@code Inventories\{entryId}}. */
    @JsonPropertyOrder({"EntryId", "Name", "Version", "Publisher", "InstallDate"})
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InventoryEntry(
            @JsonProperty("EntryId") String entryId,
            @JsonProperty("Name") String name,
            @JsonProperty("Version") String version,
            @JsonProperty("Publisher") String publisher,
            @JsonProperty("InstallDate") String installDate) {
    }
}
