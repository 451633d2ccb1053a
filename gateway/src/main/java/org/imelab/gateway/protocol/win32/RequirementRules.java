package org.imelab.gateway.protocol.win32;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code RequirementRules} (a JSON string inside the policy): the basic requirements. The
 * misspelt {@code MinimumWindows10BuildNumer} is the service's name (C §3.5).
 * {@code RequiredOSArchitecture} is echoed as sent: older tools map 1 x86, 2 x64, 3 both, but the
 * 2026 sample shows 32 for "x64 only" (C §7, item 6).
 */
@JsonPropertyOrder({"RequiredOSArchitecture", "MinimumFreeDiskSpaceInMB", "MinimumWindows10BuildNumer",
    "MinimumMemoryInMB", "MinimumNumberOfProcessors", "MinimumCpuSpeed", "RunAs32Bit"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record RequirementRules(
        @JsonProperty("RequiredOSArchitecture") Integer requiredOSArchitecture,
        @JsonProperty("MinimumFreeDiskSpaceInMB") Integer minimumFreeDiskSpaceInMB,
        @JsonProperty("MinimumWindows10BuildNumer") String minimumWindows10BuildNumber,
        @JsonProperty("MinimumMemoryInMB") Integer minimumMemoryInMB,
        @JsonProperty("MinimumNumberOfProcessors") Integer minimumNumberOfProcessors,
        @JsonProperty("MinimumCpuSpeed") Integer minimumCpuSpeed,
        @JsonProperty("RunAs32Bit") Boolean runAs32Bit) {
}
