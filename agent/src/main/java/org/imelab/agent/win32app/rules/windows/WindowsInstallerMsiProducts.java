package org.imelab.agent.win32app.rules.windows;

import com.sun.jna.Native;
import com.sun.jna.ptr.IntByReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.imelab.agent.win32app.rules.MsiProducts;
import org.imelab.agent.win32app.rules.ProductCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installed MSI products as Windows Installer itself answers (msi.dll), the source the IME's MSI
 * detection uses: MsiQueryProductStateW decides "installed" (INSTALLSTATE_DEFAULT, per-machine or
 * for the calling user), MsiGetProductInfoW gives its VersionString. Unlike the Uninstall keys it
 * also sees per-user products and ignores a key left behind by a broken uninstall.
 */
public final class WindowsInstallerMsiProducts implements MsiProducts {
    private static final Logger LOG = LoggerFactory.getLogger("ime.AppWorkload");
    private static final String VERSION_STRING = "VersionString"; // INSTALLPROPERTY_VERSIONSTRING
    /** Plenty for a version; the ERROR_MORE_DATA loop covers anything longer. */
    private static final int FIRST_BUFFER_CHARS = 64;
    /** A product's attribute cannot keep growing; stop rather than loop if it somehow does. */
    private static final int MAX_ATTEMPTS = 4;

    private final MsiApi msi;

    public WindowsInstallerMsiProducts() {
        this(MsiApi.load());
    }

    WindowsInstallerMsiProducts(MsiApi msi) {
        this.msi = msi;
    }

    @Override
    public Optional<String> installedVersion(String productCode) {
        Optional<String> canonical = ProductCodes.canonical(productCode);
        if (canonical.isEmpty()) {
            LOG.warn("[Win32App] MSI product code '{}' is not a GUID; the product is treated as not installed",
                    productCode);
            return Optional.empty();
        }
        String code = canonical.get();
        int state = msi.MsiQueryProductStateW(code);
        switch (state) {
            case MsiApi.INSTALLSTATE_DEFAULT -> {
                return Optional.of(version(code));
            }
            case MsiApi.INSTALLSTATE_INVALIDARG -> {
                LOG.warn("[Win32App] Windows Installer refused product code {} (INSTALLSTATE_INVALIDARG); treated as "
                        + "not installed", code);
                return Optional.empty();
            }
            default -> {
                // UNKNOWN: not known here; ADVERTISED or ABSENT (another user's): not installed for us
                LOG.debug("MsiQueryProductStateW({}) = {}", code, state);
                return Optional.empty();
            }
        }
    }

    /** The product's VersionString; empty when Windows Installer has none for it. */
    private String version(String code) {
        char[] buf = new char[FIRST_BUFFER_CHARS];
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            IntByReference chars = new IntByReference(buf.length);
            int rc = msi.MsiGetProductInfoW(code, VERSION_STRING, buf, chars);
            switch (rc) {
                case MsiApi.ERROR_SUCCESS -> {
                    return new String(buf, 0, Math.min(chars.getValue(), buf.length)).strip();
                }
                case MsiApi.ERROR_MORE_DATA -> buf = new char[chars.getValue() + 1];
                case MsiApi.ERROR_UNKNOWN_PRODUCT, MsiApi.ERROR_UNKNOWN_PROPERTY -> {
                    // uninstalled between the two calls, or a product without the property
                    LOG.info("[Win32App] MSI product {} has no VersionString (error {})", code, rc);
                    return "";
                }
                case MsiApi.ERROR_INVALID_PARAMETER -> {
                    LOG.warn("[Win32App] MsiGetProductInfoW refused product code {} (ERROR_INVALID_PARAMETER)", code);
                    return "";
                }
                default -> {
                    LOG.warn("[Win32App] MsiGetProductInfoW({}, VersionString) failed with error {}", code, rc);
                    return "";
                }
            }
        }
        LOG.warn("[Win32App] MsiGetProductInfoW({}, VersionString) kept asking for a larger buffer", code);
        return "";
    }

    /** Every product code Windows Installer knows (MsiEnumProductsW), for diagnostics and tests. */
    public List<String> productCodes() {
        List<String> out = new ArrayList<>();
        char[] buf = new char[MsiApi.GUID_CHARS + 1];
        for (int i = 0; ; i++) {
            int rc = msi.MsiEnumProductsW(i, buf);
            if (rc == MsiApi.ERROR_NO_MORE_ITEMS) {
                return out;
            }
            if (rc != MsiApi.ERROR_SUCCESS) {
                throw new IllegalStateException("MsiEnumProductsW(" + i + ") failed with error " + rc);
            }
            out.add(Native.toString(buf));
        }
    }
}
