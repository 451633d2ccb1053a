package org.imelab.agent.inventory;

import java.time.Instant;
import java.util.List;

/**
 * The last inventory the service accepted and the cadence state, where the IME keeps them
 * ({@code Inventories\{entryId}} and {@code InventorySetting}).
 */
public interface InventoryBaseline {

    List<InstalledProgram> load();

    InventoryCadence.State cadence();

    /**
     * Records an accepted upload: writes only what the delta changed (added and changed entries,
     * removed entries deleted), so registry writes follow the change, not the list.
     */
    void commit(InventoryDelta accepted, Instant at);
}
