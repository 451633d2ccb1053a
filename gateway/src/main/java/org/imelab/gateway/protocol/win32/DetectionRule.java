package org.imelab.gateway.protocol.win32;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Objects;

/**
 * One entry of {@code DetectionRule} (a JSON string inside the policy):
 * {@code {"DetectionType":2,"DetectionText":"{...}"}} where the text is JSON in a string again and
 * its shape depends on the type.
 */
@JsonSerialize(using = TypedTextCodec.DetectionRuleWriter.class)
@JsonDeserialize(using = TypedTextCodec.DetectionRuleReader.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DetectionRule(DetectionType detectionType, Detection detection) {
    public DetectionRule {
        Objects.requireNonNull(detectionType, "detectionType");
        Objects.requireNonNull(detection, "detection");
        if (detection.ruleType() != detectionType) {
            throw new IllegalArgumentException("a " + detection.ruleType() + " text under a "
                    + detectionType + " rule");
        }
    }

    public static DetectionRule of(Detection detection) {
        return new DetectionRule(detection.ruleType(), detection);
    }
}
