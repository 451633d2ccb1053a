package org.imelab.gateway.protocol.win32;

import java.util.Optional;

/** {@code InstallEx.RunAs} (C §3.5, [C] [PETRI]). */
public enum RunAs {
    SYSTEM(1),
    USER(2);

    private final int code;

    RunAs(int code) {
        this.code = code;
    }

    /** The number on the wire. */
    public int code() {
        return code;
    }

    /** The constant for a wire number, empty when the number is not one of ours. */
    public static Optional<RunAs> of(int code) {
        for (RunAs v : values()) {
            if (v.code == code) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
