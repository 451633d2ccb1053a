package org.imelab.gateway.protocol.win32;

import java.util.Optional;

/** {@code FlatDependencies[].Action}: 0 detect, 10 install (dependency), 100 update, 110 replace (supersedence) (C §3.5, [C] [IMEINTERP]). */
public enum DependencyAction {
    DETECT(0),
    INSTALL(10),
    UPDATE(100),
    REPLACE(110);

    private final int code;

    DependencyAction(int code) {
        this.code = code;
    }

    /** The number on the wire. */
    public int code() {
        return code;
    }

    /** The constant for a wire number, empty when the number is not one of ours. */
    public static Optional<DependencyAction> of(int code) {
        for (DependencyAction v : values()) {
            if (v.code == code) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
