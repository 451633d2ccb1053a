package org.imelab.agent.win32app.rules;

/**
 * {@code Applicability} of the ComplianceStateMessage / {@code ApplicabilityState} of reports (C §1.2
 * table), with the names the agent logs in its report deltas.
 */
public enum Applicability {
    APPLICABLE(0, "Applicable"),
    REQUIREMENTS_NOT_MET(1, "RequirementsNotMet"),
    HOST_PLATFORM_NOT_APPLICABLE(3, "HostPlatformNotApplicable"),
    PROCESSOR_ARCHITECTURE_NOT_APPLICABLE(1000, "ProcessorArchitectureNotApplicable"),
    MINIMUM_DISK_SPACE_NOT_MET(1001, "MinimumDiskSpaceNotMet"),
    MINIMUM_OS_VERSION_NOT_MET(1002, "MinimumOSVersionNotMet"),
    MINIMUM_PHYSICAL_MEMORY_NOT_MET(1003, "MinimumPhysicalMemoryNotMet"),
    MINIMUM_LOGICAL_PROCESSOR_COUNT_NOT_MET(1004, "MinimumLogicalProcessorCountNotMet"),
    MINIMUM_CPU_SPEED_NOT_MET(1005, "MinimumCPUSpeedNotMet"),
    FILE_SYSTEM_REQUIREMENT_RULE_NOT_MET(1006, "FileSystemRequirementRuleNotMet"),
    REGISTRY_REQUIREMENT_RULE_NOT_MET(1007, "RegistryRequirementRuleNotMet"),
    SCRIPT_REQUIREMENT_RULE_NOT_MET(1008, "ScriptRequirementRuleNotMet"),
    NOT_TARGETED_AND_SUPERSEDING_APPS_NOT_APPLICABLE(1009, "NotTargetedAndSupersedingAppsNotApplicable"),
    ASSIGNMENT_FILTERS_CRITERIA_NOT_MET(1010, "AssignmentFiltersCriteriaNotMet"),
    APP_UNSUPPORTED_DUE_TO_UNKNOWN_REASON(1011, "AppUnsupportedDueToUnknownReason"),
    USER_CONTEXT_APP_NOT_SUPPORTED_DURING_DEVICE_ONLY_CHECKIN(1012, "UserContextAppNotSupportedDuringDeviceOnlyCheckin");

    private final int code;
    private final String logName;

    Applicability(int code, String logName) {
        this.code = code;
        this.logName = logName;
    }

    public int code() {
        return code;
    }

    public String logName() {
        return logName;
    }

    public static Applicability fromCode(int code) {
        for (Applicability a : values()) {
            if (a.code == code) {
                return a;
            }
        }
        throw new IllegalArgumentException("Unknown applicability code " + code);
    }
}
