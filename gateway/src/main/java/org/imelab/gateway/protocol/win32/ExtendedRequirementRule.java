package org.imelab.gateway.protocol.win32;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Objects;

/**
 * One entry of {@code ExtendedRequirementRules} (a JSON string inside the policy):
 * {@code {"Type":3,"RequirementText":"{...}"}}, type 0 registry, 2 file, 3 script ([S] ztrhgf,
 * [C] [PETRI] for {@code ScriptBody}).
 */
@JsonSerialize(using = TypedTextCodec.RequirementRuleWriter.class)
@JsonDeserialize(using = TypedTextCodec.RequirementRuleReader.class)
public record ExtendedRequirementRule(DetectionType type, RequirementText requirement) {
    public ExtendedRequirementRule {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(requirement, "requirement");
        if (requirement.ruleType() != type) {
            throw new IllegalArgumentException("a " + requirement.ruleType() + " text under a " + type + " rule");
        }
    }

    public static ExtendedRequirementRule of(RequirementText requirement) {
        return new ExtendedRequirementRule(requirement.ruleType(), requirement);
    }
}
