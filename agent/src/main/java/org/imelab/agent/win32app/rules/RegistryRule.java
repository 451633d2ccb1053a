package org.imelab.agent.win32app.rules;

import java.util.Objects;
import org.imelab.gateway.protocol.win32.Operator;
import org.imelab.gateway.protocol.win32.RegistryDetectionType;

/**
 * A registry condition (detection type 0, or a registry requirement).
 *
 * @param keyPath              e.g. {@code HKEY_LOCAL_MACHINE\SOFTWARE\Vendor\App}
 * @param valueName            the value; empty or null checks the key itself
 * @param check32BitOn64System read the 32-bit view (WOW6432Node) on a 64-bit system
 * @param type                 what is checked
 * @param operator             the comparison, for string, integer and version
 * @param value                the expected value ({@code DetectionValue})
 */
public record RegistryRule(String keyPath, String valueName, boolean check32BitOn64System,
                           RegistryDetectionType type, Operator operator, String value)
        implements DetectionRule, RequirementRule {

    public RegistryRule {
        Objects.requireNonNull(keyPath, "keyPath");
        Objects.requireNonNull(type, "type");
        operator = operator == null ? Operator.NOT_CONFIGURED : operator;
    }

    @Override
    public int detectionType() {
        return 0;
    }

    @Override
    public String managerName() {
        return "SideCarRegistryDetectionManager";
    }
}
