package org.imelab.gateway.protocol.win32;

import java.util.Optional;

/** The output type of a script requirement rule ({@code Type} in its RequirementText, [S] ztrhgf Get-IntuneLogWin32AppData). */
public enum ScriptOutputType {
    STRING(1),
    DATE_TIME(2),
    INTEGER(3),
    FLOATING_POINT(4),
    VERSION(5),
    BOOLEAN(6);

    private final int code;

    ScriptOutputType(int code) {
        this.code = code;
    }

    /** The number on the wire. */
    public int code() {
        return code;
    }

    /** The constant for a wire number, empty when the number is not one of ours. */
    public static Optional<ScriptOutputType> of(int code) {
        for (ScriptOutputType v : values()) {
            if (v.code == code) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
