package org.imelab.registry.ime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The {@code ComplianceStateMessage} value of an app key: where the app stands against its
 * assignment. Serialized exactly as the agent does, e.g.
 * {@code {"Applicability":0,"ComplianceState":1,"DesiredState":2,"ErrorCode":null,"TargetingMethod":0,"InstallContext":2,"TargetType":1,"ProductVersion":null,"AssignmentFilterIds":null}}.
 * Every component may be null (written {@code null}), as the agent's nullable fields are.
 *
 * @param errorCode           a signed 32-bit Win32/HRESULT code, e.g. -2016345060 for 0x87D1041C
 * @param productVersion      null for classic Win32 apps
 * @param assignmentFilterIds null when no filter applies
 */
public record ComplianceStateMessage(
        Applicability applicability,
        ComplianceState complianceState,
        DesiredState desiredState,
        Integer errorCode,
        TargetingMethod targetingMethod,
        InstallContext installContext,
        TargetType targetType,
        String productVersion,
        List<String> assignmentFilterIds) {

    private static final String WHAT = "ComplianceStateMessage";

    public ComplianceStateMessage {
        assignmentFilterIds = assignmentFilterIds == null ? null : List.copyOf(assignmentFilterIds);
    }

    /** The common case: a classic Win32 app without assignment filters. */
    public static ComplianceStateMessage of(Applicability applicability, ComplianceState complianceState,
            DesiredState desiredState, Integer errorCode, TargetingMethod targetingMethod,
            InstallContext installContext, TargetType targetType) {
        return new ComplianceStateMessage(applicability, complianceState, desiredState, errorCode,
                targetingMethod, installContext, targetType, null, null);
    }

    public String toJson() {
        return StateJson.write(f -> {
            f.code("Applicability", applicability);
            f.code("ComplianceState", complianceState);
            f.code("DesiredState", desiredState);
            f.integer("ErrorCode", errorCode);
            f.code("TargetingMethod", targetingMethod);
            f.code("InstallContext", installContext);
            f.code("TargetType", targetType);
            f.string("ProductVersion", productVersion);
            f.strings("AssignmentFilterIds", assignmentFilterIds);
        });
    }

    /**
     * Parses the value's JSON.
     *
     * @throws IllegalArgumentException when it is not a ComplianceStateMessage (not JSON, wrong
     *                                  types, a code the tables do not know), naming the problem
     */
    public static ComplianceStateMessage parse(String json) {
        JsonNode o = StateJson.object(json, WHAT);
        return new ComplianceStateMessage(
                StateJson.code(o, "Applicability", Applicability::ofCode, WHAT),
                StateJson.code(o, "ComplianceState", ComplianceState::ofCode, WHAT),
                StateJson.code(o, "DesiredState", DesiredState::ofCode, WHAT),
                StateJson.integer(o, "ErrorCode", WHAT),
                StateJson.code(o, "TargetingMethod", TargetingMethod::ofCode, WHAT),
                StateJson.code(o, "InstallContext", InstallContext::ofCode, WHAT),
                StateJson.code(o, "TargetType", TargetType::ofCode, WHAT),
                StateJson.string(o, "ProductVersion", WHAT),
                StateJson.strings(o, "AssignmentFilterIds", WHAT));
    }
}
