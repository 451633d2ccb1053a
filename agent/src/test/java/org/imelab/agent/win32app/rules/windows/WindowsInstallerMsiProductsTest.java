package org.imelab.agent.win32app.rules.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.ptr.IntByReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imelab.agent.testing.LogCapture;
import org.imelab.agent.win32app.rules.MsiProducts;
import org.imelab.agent.win32app.rules.MsiProductsContract;
import org.junit.jupiter.api.Test;

/**
 * The Windows Installer source's logic off Windows, over a stand-in for msi.dll that keeps the
 * documented contract: upper-case braced GUIDs only (anything else is INSTALLSTATE_INVALIDARG /
 * ERROR_INVALID_PARAMETER), and ERROR_MORE_DATA with the needed length when the buffer is short.
 */
class WindowsInstallerMsiProductsTest extends MsiProductsContract {
    private static final String OFFICE = "{90160000-008C-0000-1000-0000000FF1CE}";
    private static final String LONG_VERSION = "16.0.4266.1001-" + "x".repeat(100);
    private static final String LONG = "{11111111-2222-3333-4444-555555555555}";
    private static final String NO_VERSION = "{AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE}";
    private static final String OTHER_USERS = "{99999999-8888-7777-6666-555555555555}";

    private final FakeMsi msi = new FakeMsi(Map.of(OFFICE, "16.0.4266.1001", LONG, LONG_VERSION, NO_VERSION, ""));
    private final WindowsInstallerMsiProducts products = new WindowsInstallerMsiProducts(msi);

    @Override
    protected MsiProducts products() {
        return products;
    }

    @Override
    protected Optional<Installed> anInstalledProduct() {
        return Optional.of(new Installed(OFFICE, "16.0.4266.1001"));
    }

    @Test
    void aVersionLongerThanTheFirstBufferIsReadWhole() {
        assertEquals(Optional.of(LONG_VERSION), products.installedVersion(LONG));
        assertEquals(List.of(64, LONG_VERSION.length() + 1), msi.bufferSizes);
    }

    @Test
    void aProductWithoutVersionIsInstalledWithAnEmptyVersion() {
        assertEquals(Optional.of(""), products.installedVersion(NO_VERSION));
    }

    @Test
    void anotherUsersProductIsNotInstalledHere() {
        assertEquals(Optional.empty(), products.installedVersion(OTHER_USERS));
    }

    @Test
    void aMalformedCodeIsLoggedAndNeverReachesWindowsInstaller() {
        try (LogCapture log = new LogCapture("ime.AppWorkload")) {
            assertEquals(Optional.empty(), products.installedVersion("7-zip"));
            assertTrue(log.messages().contains(
                    "[Win32App] MSI product code '7-zip' is not a GUID; the product is treated as not installed"),
                    log.messages().toString());
        }
        assertEquals(0, msi.queries);
    }

    @Test
    void enumeratesTheProducts() {
        assertEquals(List.of(LONG, OFFICE, NO_VERSION), products.productCodes().stream().sorted().toList());
    }

    /** msi.dll as documented, over a fixed product table; {@link #OTHER_USERS} is another user's. */
    private static final class FakeMsi implements MsiApi {
        private final Map<String, String> versions;
        final List<Integer> bufferSizes = new ArrayList<>();
        int queries;

        FakeMsi(Map<String, String> versions) {
            this.versions = versions;
        }

        private static boolean wellFormed(String code) {
            return code.matches("\\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}}");
        }

        @Override
        public int MsiQueryProductStateW(String product) {
            queries++;
            if (!wellFormed(product)) {
                return INSTALLSTATE_INVALIDARG;
            }
            if (product.equals(OTHER_USERS)) {
                return INSTALLSTATE_ABSENT;
            }
            return versions.containsKey(product) ? INSTALLSTATE_DEFAULT : INSTALLSTATE_UNKNOWN;
        }

        @Override
        public int MsiGetProductInfoW(String product, String attribute, char[] value, IntByReference valueChars) {
            if (!wellFormed(product) || !"VersionString".equals(attribute)) {
                return ERROR_INVALID_PARAMETER;
            }
            String v = versions.get(product);
            if (v == null) {
                return ERROR_UNKNOWN_PRODUCT;
            }
            bufferSizes.add(valueChars.getValue());
            if (valueChars.getValue() <= v.length()) {
                valueChars.setValue(v.length());
                return ERROR_MORE_DATA;
            }
            v.getChars(0, v.length(), value, 0);
            value[v.length()] = 0;
            valueChars.setValue(v.length());
            return ERROR_SUCCESS;
        }

        @Override
        public int MsiEnumProductsW(int index, char[] product) {
            List<String> codes = versions.keySet().stream().sorted().toList();
            if (index >= codes.size()) {
                return ERROR_NO_MORE_ITEMS;
            }
            String c = codes.get(index);
            c.getChars(0, c.length(), product, 0);
            product[c.length()] = 0;
            return ERROR_SUCCESS;
        }
    }
}
