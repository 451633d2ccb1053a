package org.imelab.agent.win32app.rules.windows;

import java.util.Optional;
import org.imelab.agent.win32app.rules.MsiProducts;
import org.imelab.agent.win32app.rules.MsiProductsContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The real msi.dll against the contract. A runner may have no per-machine MSI product installed,
 * so the installed cases take the first product MsiEnumProductsW lists that Windows Installer
 * calls installed here (and skip when there is none); absent and malformed codes always run.
 */
@EnabledOnOs(OS.WINDOWS)
class WindowsInstallerMsiProductsWindowsTest extends MsiProductsContract {
    private final WindowsInstallerMsiProducts products = new WindowsInstallerMsiProducts();

    @Override
    protected MsiProducts products() {
        return products;
    }

    @Override
    protected Optional<Installed> anInstalledProduct() {
        MsiApi msi = MsiApi.load();
        return products.productCodes().stream()
                .filter(code -> msi.MsiQueryProductStateW(code) == MsiApi.INSTALLSTATE_DEFAULT)
                .findFirst().map(code -> new Installed(code, null));
    }
}
