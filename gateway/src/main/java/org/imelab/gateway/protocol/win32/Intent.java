package org.imelab.gateway.protocol.win32;

import java.util.Optional;

/** Policy {@code Intent} (ime-behaviour.md C §1.2 "Policy Intent", [C] [PETRI] [IMEINTERP]). */
public enum Intent {
    NOT_TARGETED(0),
    AVAILABLE(1),
    REQUIRED(3),
    UNINSTALL(4);

    private final int code;

    Intent(int code) {
        this.code = code;
    }

    /** The number on the wire. */
    public int code() {
        return code;
    }

    /** The constant for a wire number, empty when the number is not one of ours. */
    public static Optional<Intent> of(int code) {
        for (Intent v : values()) {
            if (v.code == code) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
