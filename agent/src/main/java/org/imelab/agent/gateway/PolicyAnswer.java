package org.imelab.agent.gateway;

import org.imelab.gateway.protocol.PayloadFormatException;
import org.imelab.gateway.protocol.RequestContentType;
import org.imelab.gateway.protocol.SideCarGatewaySession;
import org.imelab.gateway.protocol.SideCarJson;
import org.imelab.gateway.protocol.win32.PolicySet;
import org.imelab.gateway.protocol.win32.RejectedPolicy;
import org.imelab.gateway.protocol.win32.Win32AppPolicyParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's answer to "Requesting required apps", read the same way for the device's check-in
 * and each user's: the policies logged as the agent logs them ({@code Get policies = [...]} in
 * AppWorkload.log), parsed, and each malformed one reported alone.
 */
final class PolicyAnswer {
    private static final Logger appWorkload = LoggerFactory.getLogger("ime.AppWorkload");

    private PolicyAnswer() {
    }

    /** @throws PayloadFormatException when the payload as a whole cannot be read (logged here) */
    static PolicySet read(SideCarJson json, Win32AppPolicyParser parser, SideCarGatewaySession answer) {
        PolicySet policies;
        try {
            String policiesJson = json.decodeResponsePayload(RequestContentType.REQUEST_APPLICATION,
                    answer.responsePayload());
            appWorkload.info("Get policies = {}", policiesJson);
            policies = parser.parse(policiesJson);
        } catch (PayloadFormatException e) {
            appWorkload.error("[Win32App] The policies from the gateway cannot be read: {}", e.getMessage());
            throw e;
        }
        for (RejectedPolicy r : policies.rejected()) {
            appWorkload.warn("[Win32App] {}", r);
        }
        return policies;
    }
}
