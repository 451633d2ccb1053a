package org.imelab.gateway.protocol.win32;

import java.util.Optional;

/** The {@code DetectionType} inside a file rule (C §3.5, [C] [PETRI]). */
public enum FileDetectionType {
    NOT_CONFIGURED(0),
    EXISTS(1),
    MODIFIED_DATE(2),
    CREATED_DATE(3),
    VERSION(4),
    SIZE_IN_MB(5),
    DOES_NOT_EXIST(6);

    private final int code;

    FileDetectionType(int code) {
        this.code = code;
    }

    /** The number on the wire. */
    public int code() {
        return code;
    }

    /** The constant for a wire number, empty when the number is not one of ours. */
    public static Optional<FileDetectionType> of(int code) {
        for (FileDetectionType v : values()) {
            if (v.code == code) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
