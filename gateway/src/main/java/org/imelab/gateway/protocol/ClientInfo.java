package org.imelab.gateway.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ClientInfo} of the session envelope (a JSON string on the wire), field order as the real
 * agent sends it (ime-behaviour.md C §3.2, [C] [PYTUNE]). A minimal client may send only
 * {@code OperatingSystemVersion} and {@code SideCarAgentVersion}; everything is nullable.
 *
 * <p>The lab gateway reads {@link #operatingSystemVersion()} to tell Windows devices (version
 * {@code 10.0.x}) from others, so a portable agent should send its real OS version.
 */
@JsonPropertyOrder({"DeviceName", "OperatingSystemVersion", "SideCarAgentVersion", "Win10SMode",
    "UnlockWin10SModeTenantId", "UnlockWin10SModeDeviceId", "ChannelUriInformation",
    "AgentExecutionStartTime", "AgentExecutionEndTime", "AgentCrashSeen", "ExtendedInventoryMap"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClientInfo(
        @JsonProperty("DeviceName") String deviceName,
        @JsonProperty("OperatingSystemVersion") String operatingSystemVersion,
        @JsonProperty("SideCarAgentVersion") String sideCarAgentVersion,
        @JsonProperty("Win10SMode") Boolean win10SMode,
        @JsonProperty("UnlockWin10SModeTenantId") String unlockWin10SModeTenantId,
        @JsonProperty("UnlockWin10SModeDeviceId") String unlockWin10SModeDeviceId,
        @JsonProperty("ChannelUriInformation") JsonNode channelUriInformation,
        @JsonProperty("AgentExecutionStartTime") String agentExecutionStartTime,
        @JsonProperty("AgentExecutionEndTime") String agentExecutionEndTime,
        @JsonProperty("AgentCrashSeen") Boolean agentCrashSeen,
        @JsonProperty("ExtendedInventoryMap") Map<String, String> extendedInventoryMap) {

    public ClientInfo {
        channelUriInformation = channelUriInformation == null || channelUriInformation.isNull()
                ? null : channelUriInformation;
    }

    /** The agent's own time format in ClientInfo ({@code 10/11/2024 23:15:42}), UTC. */
    public static final DateTimeFormatter TIME_FORMAT =
            DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss").withZone(ZoneOffset.UTC);

    /** The fields an agent knows about itself; the Windows-only S-mode fields are false/null. */
    public static ClientInfo of(String deviceName, String operatingSystemVersion, String agentVersion,
                                Instant executionStart, Instant executionEnd, boolean crashSeen,
                                Map<String, String> extendedInventory) {
        return new ClientInfo(deviceName, operatingSystemVersion, agentVersion, false, null, null, null,
                executionStart == null ? null : TIME_FORMAT.format(executionStart),
                executionEnd == null ? null : TIME_FORMAT.format(executionEnd),
                crashSeen, extendedInventory == null ? null
                        : Collections.unmodifiableMap(new LinkedHashMap<>(extendedInventory)));
    }

    /** True when the OS version looks like Windows 10/11 ({@code 10.0.x}). */
    public boolean looksLikeWindows() {
        return operatingSystemVersion != null && operatingSystemVersion.startsWith("10.0.");
    }
}
