package org.imelab.registry.ime;

import java.util.Optional;

/** {@code Applicability} of a ComplianceStateMessage ({@code ApplicabilityState} in reports). */
public enum Applicability implements ImeCode {
    Applicable(0),
    RequirementsNotMet(1),
    HostPlatformNotApplicable(3),
    ProcessorArchitectureNotApplicable(1000),
    MinimumDiskSpaceNotMet(1001),
    MinimumOSVersionNotMet(1002),
    MinimumPhysicalMemoryNotMet(1003),
    MinimumLogicalProcessorCountNotMet(1004),
    MinimumCPUSpeedNotMet(1005),
    FileSystemRequirementRuleNotMet(1006),
    RegistryRequirementRuleNotMet(1007),
    ScriptRequirementRuleNotMet(1008),
    NotTargetedAndSupersedingAppsNotApplicable(1009),
    AssignmentFiltersCriteriaNotMet(1010),
    /** What current agents write for a user-context app during a userless check-in (observed, with ComplianceState 5). */
    AppUnsupportedDueToUnknownReason(1011),
    UserContextAppNotSupportedDuringDeviceOnlyCheckin(1012);

    private final int code;

    Applicability(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    public static Optional<Applicability> ofCode(int code) {
        return ImeCode.find(Applicability.class, code);
    }
}
