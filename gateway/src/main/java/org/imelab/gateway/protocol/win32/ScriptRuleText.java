package org.imelab.gateway.protocol.win32;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A script rule's {@code ScriptBody}, the same in detection and requirement texts. */
public sealed interface ScriptRuleText permits Detection.Script, RequirementText.Script {
    /** Base64 of the script's UTF-8 text. */
    String scriptBody();

    Boolean enforceSignatureCheck();

    Boolean runAs32Bit();

    /** The script text (a UTF-8 byte order mark, which the portal keeps, is dropped). */
    default String scriptText() {
        String text = new String(Base64.getDecoder().decode(scriptBody()), StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The {@code ScriptBody} of a script text. */
    static String encode(String scriptText) {
        return Base64.getEncoder().encodeToString(scriptText.getBytes(StandardCharsets.UTF_8));
    }
}
