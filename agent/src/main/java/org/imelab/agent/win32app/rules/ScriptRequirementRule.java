package org.imelab.agent.win32app.rules;

import java.util.Objects;
import org.imelab.gateway.protocol.win32.Operator;
import org.imelab.gateway.protocol.win32.ScriptOutputType;

/**
 * A script requirement: the script's standard output, read as {@code outputType}, compared with
 * {@code value}.
 */
public record ScriptRequirementRule(ScriptRule script, ScriptOutputType outputType, Operator operator, String value)
        implements RequirementRule {

    public ScriptRequirementRule {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(outputType, "outputType");
        operator = operator == null ? Operator.NOT_CONFIGURED : operator;
    }
}
