package org.imelab.agent.win32app.rules;

/**
 * The policy's {@code RequirementRules} object (C §3.5); null fields are not required.
 *
 * @param requiredOsArchitecture     {@code RequiredOSArchitecture} (see {@link OsArchitecture#allows})
 * @param minimumFreeDiskSpaceInMb   {@code MinimumFreeDiskSpaceInMB}
 * @param minimumWindows10BuildNumber {@code MinimumWindows10BuildNumer} (sic), e.g. {@code 10.0.26100}
 * @param minimumMemoryInMb          {@code MinimumMemoryInMB}
 * @param minimumNumberOfProcessors  {@code MinimumNumberOfProcessors}
 * @param minimumCpuSpeedMhz         {@code MinimumCpuSpeed} (MHz)
 * @param runAs32Bit                 {@code RunAs32Bit}
 */
public record RequirementRules(Integer requiredOsArchitecture, Long minimumFreeDiskSpaceInMb,
                               String minimumWindows10BuildNumber, Long minimumMemoryInMb,
                               Integer minimumNumberOfProcessors, Long minimumCpuSpeedMhz, boolean runAs32Bit) {

    public static final RequirementRules NONE = new RequirementRules(null, null, null, null, null, null, false);
}
