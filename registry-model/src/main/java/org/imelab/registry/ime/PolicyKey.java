package org.imelab.registry.ime;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A remediation (health script) policy and its version, named {@code {policyId}_{version}} in its keys. */
public record PolicyKey(String policyId, int version) {
    private static final Pattern KEY_NAME = Pattern.compile("([^_\\\\]+)_(\\d{1,9})");

    public PolicyKey {
        policyId = Guids.require(policyId, "A policy id");
        if (version < 0) {
            throw new IllegalArgumentException("A policy version is not negative: " + version);
        }
    }

    public static Optional<PolicyKey> parse(String keyName) {
        Matcher m = KEY_NAME.matcher(keyName);
        if (!m.matches() || !Guids.isGuid(m.group(1))) {
            return Optional.empty();
        }
        return Optional.of(new PolicyKey(m.group(1), Integer.parseInt(m.group(2))));
    }

    public String keyName() {
        return policyId + "_" + version;
    }

    @Override
    public String toString() {
        return keyName();
    }
}
