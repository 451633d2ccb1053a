package org.imelab.gateway.protocol.win32;

import java.util.Optional;

/** {@code TargetType}: who the assignment targets (C §1.2, [C] [BYTEBEN] [IMEINTERP]). */
public enum TargetType {
    NONE(0),
    USER(1),
    DEVICE(2),
    BOTH(3);

    private final int code;

    TargetType(int code) {
        this.code = code;
    }

    /** The number on the wire. */
    public int code() {
        return code;
    }

    /** The constant for a wire number, empty when the number is not one of ours. */
    public static Optional<TargetType> of(int code) {
        for (TargetType v : values()) {
            if (v.code == code) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
