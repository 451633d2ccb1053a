package org.imelab.gateway.protocol.win32;

import java.util.Optional;

/** {@code DetectionRule[].DetectionType} (C §3.5, [C] [PETRI]); also the {@code Type} of an extended requirement rule (0 registry, 2 file, 3 script). */
public enum DetectionType {
    REGISTRY(0),
    MSI(1),
    FILE(2),
    SCRIPT(3);

    private final int code;

    DetectionType(int code) {
        this.code = code;
    }

    /** The number on the wire. */
    public int code() {
        return code;
    }

    /** The constant for a wire number, empty when the number is not one of ours. */
    public static Optional<DetectionType> of(int code) {
        for (DetectionType v : values()) {
            if (v.code == code) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
