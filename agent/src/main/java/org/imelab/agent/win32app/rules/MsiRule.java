package org.imelab.agent.win32app.rules;

import java.util.Objects;
import org.imelab.gateway.protocol.win32.Operator;

/**
 * An MSI product-code rule (detection type 1).
 *
 * @param productCode     {@code {GUID}}
 * @param productVersion  when set, the installed version is compared with it
 * @param versionOperator the comparison for {@code productVersion} (not configured = equal)
 */
public record MsiRule(String productCode, String productVersion, Operator versionOperator) implements DetectionRule {

    public MsiRule {
        Objects.requireNonNull(productCode, "productCode");
        versionOperator = versionOperator == null ? Operator.NOT_CONFIGURED : versionOperator;
    }

    @Override
    public int detectionType() {
        return 1;
    }

    @Override
    public String managerName() {
        return "SideCarProductCodeDetectionManager";
    }
}
