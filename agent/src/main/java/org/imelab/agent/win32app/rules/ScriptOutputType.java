package org.imelab.agent.win32app.rules;

/**
 * How a requirement script's output is read before it is compared. The codes follow Graph's
 * {@code win32LobAppPowerShellScriptRuleOperationType} order (no public policy sample shows them:
 * an inference).
 */
public enum ScriptOutputType {
    NOT_CONFIGURED(0), STRING(1), DATE_TIME(2), INTEGER(3), FLOAT(4), VERSION(5), BOOLEAN(6);

    private final int code;

    ScriptOutputType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ScriptOutputType fromCode(int code) {
        for (ScriptOutputType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown script output type " + code + " (expected 0-6)");
    }
}
