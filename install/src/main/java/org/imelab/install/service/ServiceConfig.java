package org.imelab.install.service;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the service control manager keeps about a service: enough to create it, compare it and,
 * for a service imelab replaced, re-create it as it was.
 *
 * @param account null for LocalSystem
 * @param restartDelays recovery: restart after each of these delays on the first, second, ...
 *                      failure (SC_ACTION_RESTART); empty for none
 * @param failureResetPeriod after how long without failure the failure count goes back to zero
 */
public record ServiceConfig(String name, String displayName, String description, String binaryPath,
                            StartType startType, String account, List<Duration> restartDelays,
                            Duration failureResetPeriod) {

    public ServiceConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(binaryPath, "binaryPath");
        Objects.requireNonNull(startType, "startType");
        restartDelays = List.copyOf(restartDelays);
        Objects.requireNonNull(failureResetPeriod, "failureResetPeriod");
    }

    /** True when the service runs an imelab jar (as opposed to, say, the real IME's exe). */
    public boolean runsImelab() {
        return binaryPath.toLowerCase(java.util.Locale.ROOT).contains("imelab.jar");
    }

    /** LocalSystem: the account name the SCM reports for it. */
    public static final String LOCAL_SYSTEM = "LocalSystem";

    /** True when both describe the same service setup (names compare without case, as the SCM does). */
    public boolean sameSetupAs(ServiceConfig other) {
        return name.equalsIgnoreCase(other.name)
                && Objects.equals(displayName, other.displayName)
                && Objects.equals(description, other.description)
                && binaryPath.equals(other.binaryPath)
                && startType == other.startType
                && accountName(account).equalsIgnoreCase(accountName(other.account))
                && restartDelays.equals(other.restartDelays)
                && failureResetPeriod.equals(other.failureResetPeriod);
    }

    private static String accountName(String account) {
        return account == null ? LOCAL_SYSTEM : account;
    }
}
