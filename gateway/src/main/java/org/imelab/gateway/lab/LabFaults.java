package org.imelab.gateway.lab;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The faults a lab file injects into one app (its {@code faults} entry). The first two act on the
 * device, which learns them from the served policy's lab-only field {@link #POLICY_FIELD}; the other
 * two act here, in the lab gateway, as the service or the CDN failing for this app alone.
 *
 * @param exitCode       replaces the installer's exit code on the device (the installer still runs)
 * @param detection      replaces the device's detection result: true detected, false not detected
 * @param downloadStatus the HTTP status the lab CDN answers the app's content download with (e.g. 503)
 * @param gatewayError   whether {@code GetContentInfo} for the app answers a server error
 */
public record LabFaults(Integer exitCode, Boolean detection, Integer downloadStatus, boolean gatewayError) {
    /** The policy extension carrying the device-side faults; the real service never sends it. */
    public static final String POLICY_FIELD = "ImelabFaults";
    public static final LabFaults NONE = new LabFaults(null, null, null, false);

    public boolean none() {
        return exitCode == null && detection == null && downloadStatus == null && !gatewayError;
    }

    /** The device-side faults as the policy extension, empty when there are none. */
    public Optional<ObjectNode> policyExtension() {
        if (exitCode == null && detection == null) {
            return Optional.empty();
        }
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        if (exitCode != null) {
            n.put("ExitCode", exitCode);
        }
        if (detection != null) {
            n.put("Detection", detection);
        }
        return Optional.of(n);
    }
}
