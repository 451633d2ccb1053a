package org.imelab.registry.ime;

import java.util.Optional;

/** A report's {@code DetectionState}; other codes (0, 3, 4, 5) are read as unknown. */
public enum DetectionState implements ImeCode {
    Detected(1),
    NotDetected(2);

    private final int code;

    DetectionState(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    public static Optional<DetectionState> ofCode(int code) {
        return ImeCode.find(DetectionState.class, code);
    }
}
