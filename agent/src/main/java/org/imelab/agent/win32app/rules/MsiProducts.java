package org.imelab.agent.win32app.rules;

import java.util.Optional;

/** Installed MSI products, by product code. */
public interface MsiProducts {

    /**
     * The installed version of a product, empty when it is not installed; a product installed
     * without a readable version gives an empty string.
     */
    Optional<String> installedVersion(String productCode);
}
