package org.imelab.gateway.protocol.win32;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of reading a "Get policies" array: the policies accepted, in the service's order,
 * and the ones rejected with their reasons. One malformed policy never costs the others.
 */
public record PolicySet(List<Win32AppPolicy> accepted, List<RejectedPolicy> rejected) {
    public PolicySet {
        accepted = List.copyOf(accepted);
        rejected = List.copyOf(rejected);
    }

    public static PolicySet empty() {
        return new PolicySet(List.of(), List.of());
    }

    public Optional<Win32AppPolicy> find(String appId) {
        return accepted.stream().filter(p -> p.id().equalsIgnoreCase(appId)).findFirst();
    }

    public boolean allAccepted() {
        return rejected.isEmpty();
    }
}
