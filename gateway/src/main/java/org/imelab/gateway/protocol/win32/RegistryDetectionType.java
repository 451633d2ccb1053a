package org.imelab.gateway.protocol.win32;

import java.util.Optional;

/** The {@code DetectionType} inside a registry rule (C §3.5, [C] [PETRI]). */
public enum RegistryDetectionType {
    NOT_CONFIGURED(0),
    EXISTS(1),
    DOES_NOT_EXIST(2),
    STRING(3),
    INTEGER(4),
    VERSION(5);

    private final int code;

    RegistryDetectionType(int code) {
        this.code = code;
    }

    /** The number on the wire. */
    public int code() {
        return code;
    }

    /** The constant for a wire number, empty when the number is not one of ours. */
    public static Optional<RegistryDetectionType> of(int code) {
        for (RegistryDetectionType v : values()) {
            if (v.code == code) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
