package org.imelab.registry.ime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code EnforcementStateMessage} value of an app key: the outcome of the last enforcement,
 * {@code {"EnforcementState":1000,"ErrorCode":0,"TargetingMethod":0}}. Tools call an app failed
 * when {@code ErrorCode} is neither 0 nor 3010, so a soft reboot is 3010 with a success state.
 */
public record EnforcementStateMessage(EnforcementState enforcementState, Integer errorCode,
        TargetingMethod targetingMethod) {

    private static final String WHAT = "EnforcementStateMessage";

    public String toJson() {
        return StateJson.write(f -> {
            f.code("EnforcementState", enforcementState);
            f.integer("ErrorCode", errorCode);
            f.code("TargetingMethod", targetingMethod);
        });
    }

    /**
     * Parses the value's JSON.
     *
     * @throws IllegalArgumentException when it is not an EnforcementStateMessage, naming the problem
     */
    public static EnforcementStateMessage parse(String json) {
        JsonNode o = StateJson.object(json, WHAT);
        return new EnforcementStateMessage(
                StateJson.code(o, "EnforcementState", EnforcementState::ofCode, WHAT),
                StateJson.integer(o, "ErrorCode", WHAT),
                StateJson.code(o, "TargetingMethod", TargetingMethod::ofCode, WHAT));
    }
}
