package org.imelab.gateway.protocol.win32;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Optional;

/**
 * {@code InstallEx} (a JSON string inside the policy): how the installer runs. Field order as in
 * the real sample (C §3.5). Defaults where the service leaves a field out: 3 retries, 5 minutes
 * apart, 60 minutes of run time (C §5).
 */
@JsonPropertyOrder({"RunAs", "RequiresLogon", "InstallProgramVisibility", "MaxRetries", "RetryIntervalInMinutes",
    "MaxRunTimeInMinutes", "DeviceRestartBehavior"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record InstallEx(
        @JsonProperty("RunAs") Integer runAs,
        @JsonProperty("RequiresLogon") Boolean requiresLogon,
        @JsonProperty("InstallProgramVisibility") Integer installProgramVisibility,
        @JsonProperty("MaxRetries") Integer maxRetries,
        @JsonProperty("RetryIntervalInMinutes") Integer retryIntervalInMinutes,
        @JsonProperty("MaxRunTimeInMinutes") Integer maxRunTimeInMinutes,
        @JsonProperty("DeviceRestartBehavior") Integer deviceRestartBehavior) {

    public static final int DEFAULT_MAX_RETRIES = 3;
    public static final int DEFAULT_RETRY_INTERVAL_MINUTES = 5;
    public static final int DEFAULT_MAX_RUN_TIME_MINUTES = 60;

    public Optional<RunAs> runAsKind() {
        return runAs == null ? Optional.of(RunAs.SYSTEM) : RunAs.of(runAs);
    }

    public Optional<DeviceRestartBehavior> restartBehavior() {
        return deviceRestartBehavior == null ? Optional.of(DeviceRestartBehavior.BASED_ON_RETURN_CODE)
                : DeviceRestartBehavior.of(deviceRestartBehavior);
    }

    public int maxRetriesOrDefault() {
        return maxRetries == null ? DEFAULT_MAX_RETRIES : maxRetries;
    }

    public int retryIntervalMinutesOrDefault() {
        return retryIntervalInMinutes == null ? DEFAULT_RETRY_INTERVAL_MINUTES : retryIntervalInMinutes;
    }

    public int maxRunTimeMinutesOrDefault() {
        return maxRunTimeInMinutes == null ? DEFAULT_MAX_RUN_TIME_MINUTES : maxRunTimeInMinutes;
    }
}
