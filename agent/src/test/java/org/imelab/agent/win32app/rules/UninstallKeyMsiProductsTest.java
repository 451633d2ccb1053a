package org.imelab.agent.win32app.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.Test;

/** The Uninstall-key source against the contract, on a seeded in-memory registry. */
class UninstallKeyMsiProductsTest extends MsiProductsContract {
    private static final String SEVEN_ZIP = "{23170F69-40C1-2702-2409-000001000000}";
    private final MemoryRegistry registry = new MemoryRegistry();

    UninstallKeyMsiProductsTest() {
        RegPath key = RegPath.parse(UninstallKeyMsiProducts.UNINSTALL).child(SEVEN_ZIP);
        registry.put(key, "DisplayName", RegValue.sz("7-Zip 24.09 (x64 edition)"));
        registry.put(key, "DisplayVersion", RegValue.sz("24.09.00.0"));
    }

    @Override
    protected MsiProducts products() {
        return new UninstallKeyMsiProducts(registry);
    }

    @Override
    protected Optional<Installed> anInstalledProduct() {
        return Optional.of(new Installed(SEVEN_ZIP, "24.09.00.0"));
    }

    @Test
    void aKeyNamedByAMalformedCodeIsNotFound() {
        // a key whose name is not a GUID is not a product, even when a policy names it
        registry.put(RegPath.parse(UninstallKeyMsiProducts.UNINSTALL).child("{NOT-A-GUID}"), "DisplayVersion",
                RegValue.sz("1.0"));
        assertEquals(Optional.empty(), products().installedVersion("not-a-guid"));
    }
}
