package org.imelab.agent.win32app.rules;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A custom script (detection type 3): detected when it exits with 0 and writes something to
 * standard output.
 *
 * @param body                  the script text (the policy carries it Base64-encoded as {@code ScriptBody})
 * @param enforceSignatureCheck run PowerShell with the AllSigned policy instead of Bypass
 * @param runAs32Bit            run the 32-bit PowerShell on a 64-bit Windows
 */
public record ScriptRule(String body, boolean enforceSignatureCheck, boolean runAs32Bit) implements DetectionRule {

    public ScriptRule {
        Objects.requireNonNull(body, "body");
    }

    /** Decodes a policy's Base64 {@code ScriptBody} (UTF-8, a byte-order mark dropped). */
    public static String decodeBody(String base64) {
        String s = new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    @Override
    public int detectionType() {
        return 3;
    }

    @Override
    public String managerName() {
        return "SideCarScriptDetectionManager";
    }
}
