package org.imelab.gateway.lab;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.imelab.gateway.protocol.win32.Win32AppPolicy;

/** One element of a "Get policies" answer as the lab serves it. */
public sealed interface ServedPolicy {
    String appId();

    /** A policy that passes the protocol's own checks, written through the typed records. */
    record Typed(Win32AppPolicy policy) implements ServedPolicy {
        @Override
        public String appId() {
            return policy.id();
        }
    }

    /** A SideCar-form policy our parser rejects, served as written so the agent can reject it. */
    record Verbatim(String appId, ObjectNode node, String whyNotTyped) implements ServedPolicy {
    }
}
