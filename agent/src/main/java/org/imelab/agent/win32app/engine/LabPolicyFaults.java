package org.imelab.agent.win32app.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.imelab.gateway.protocol.win32.Win32AppPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The faults a lab gateway serves in a policy's lab-only field {@code ImelabFaults}
 * ({@code {"ExitCode": 1603, "Detection": false}}). Wired only against a lab: the real service never
 * sends the field, and a device of a real tenant must not obey it if it ever did. A field that is
 * not of that form injects nothing and says why, once per pass, in the developer log.
 */
public final class LabPolicyFaults implements AppFaults {
    /** The policy field; the lab gateway's {@code LabFaults.POLICY_FIELD}. */
    public static final String FIELD = "ImelabFaults";
    private static final Logger DEV = LoggerFactory.getLogger(LabPolicyFaults.class);

    @Override
    public Optional<Fault> forApp(String appId) {
        return Optional.empty();
    }

    @Override
    public Optional<Fault> forPolicy(Win32AppPolicy policy) {
        JsonNode node = policy.unknownFields().get(FIELD);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        JsonNode exit = node.get("ExitCode");
        JsonNode detection = node.get("Detection");
        if (!node.isObject() || (exit != null && !(exit.isIntegralNumber() && exit.canConvertToInt()))
                || (detection != null && !detection.isBoolean())) {
            DEV.warn("Ignoring {} of app {}: not of the form {{\"ExitCode\": int, \"Detection\": bool}}: {}", FIELD,
                    policy.id(), node);
            return Optional.empty();
        }
        Optional<Integer> exitCode = exit == null ? Optional.empty() : Optional.of(exit.intValue());
        Optional<Boolean> detected = detection == null ? Optional.empty() : Optional.of(detection.booleanValue());
        return exitCode.isEmpty() && detected.isEmpty() ? Optional.empty() : Optional.of(new Fault(exitCode, detected));
    }
}
