package org.imelab.gateway.protocol.win32;

import java.util.Optional;

/**
 * A registry rule as both texts carry it: {@link Detection.Registry} spells its kind and
 * comparand {@code DetectionType}/{@code DetectionValue}, {@link RequirementText.Registry}
 * {@code Type}/{@code Value}; the rule is the same.
 */
public sealed interface RegistryRuleText permits Detection.Registry, RequirementText.Registry {
    String keyPath();

    String valueName();

    Boolean check32BitOn64System();

    /** The {@link RegistryDetectionType} number. */
    int typeCode();

    Integer operator();

    /** What the value is compared with. */
    String comparand();

    default Optional<RegistryDetectionType> kind() {
        return RegistryDetectionType.of(typeCode());
    }

    default Optional<Operator> operatorKind() {
        return Operator.ofNullable(operator());
    }
}
