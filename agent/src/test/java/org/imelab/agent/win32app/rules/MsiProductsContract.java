package org.imelab.agent.win32app.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MsiProducts} source answers: an installed product gives its version whatever
 * the product code's case or braces, an absent one gives empty, and a product code that is not a
 * GUID gives empty rather than an error (a bad policy must not break detection of the others).
 */
public abstract class MsiProductsContract {

    /** A product the source knows; a null version means any version is right (a real machine). */
    public record Installed(String productCode, String version) {
    }

    protected abstract MsiProducts products();

    /** An installed product, if the machine under test has one. */
    protected abstract Optional<Installed> anInstalledProduct();

    @Test
    void anInstalledProductGivesItsVersion() {
        Optional<Installed> installed = anInstalledProduct();
        assumeTrue(installed.isPresent(), "no MSI product is installed here");
        Optional<String> version = products().installedVersion(installed.get().productCode());
        assertTrue(version.isPresent(), installed.get().productCode() + " should be installed");
        if (installed.get().version() != null) {
            assertEquals(installed.get().version(), version.get());
        }
    }

    @Test
    void theProductCodeIsMatchedIgnoringCaseAndBraces() {
        Optional<Installed> installed = anInstalledProduct();
        assumeTrue(installed.isPresent(), "no MSI product is installed here");
        String code = installed.get().productCode();
        Optional<String> expected = products().installedVersion(code);
        String bare = code.substring(1, code.length() - 1);
        for (String spelling : new String[] {code.toLowerCase(Locale.ROOT), bare, bare.toLowerCase(Locale.ROOT),
                "  " + code + " "}) {
            assertEquals(expected, products().installedVersion(spelling), spelling);
        }
    }

    @Test
    void anAbsentProductGivesEmpty() {
        String absent = "{" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT) + "}";
        assertEquals(Optional.empty(), products().installedVersion(absent));
        assertEquals(Optional.empty(), products().installedVersion(absent.toLowerCase(Locale.ROOT)));
    }

    @Test
    void aMalformedProductCodeGivesEmpty() {
        for (String bad : new String[] {"", " ", "not-a-guid", "{1234}", "{3F2504E0-4F89-11D3-9A0C-0305E82C33}",
                "{3F2504E0-4F89-11D3-9A0C-0305E82C3301", "{3F2504E0-4F89-11D3-9A0C-0305E82C3301}\\..\\x",
                "{ZZ2504E0-4F89-11D3-9A0C-0305E82C3301}"}) {
            assertEquals(Optional.empty(), products().installedVersion(bad), "'" + bad + "'");
        }
    }
}
