package org.imelab.registry.ime;

import java.time.Instant;
import java.util.Objects;

/**
 * Where an app stands in its in-enforcement retries (the policy's {@code InstallEx.MaxRetries},
 * {@code RetryIntervalInMinutes}): how many retries were made and when the next is due. Kept in
 * imelab's own key so a restart resumes the countdown.
 */
public record RetryState(int retryCount, Instant nextRetryTimeUtc) {
    public RetryState {
        if (retryCount < 0) {
            throw new IllegalArgumentException("A retry count is not negative: " + retryCount);
        }
        Objects.requireNonNull(nextRetryTimeUtc, "nextRetryTimeUtc");
    }
}
