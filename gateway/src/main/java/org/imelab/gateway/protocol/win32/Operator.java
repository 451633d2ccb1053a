package org.imelab.gateway.protocol.win32;

import java.util.Optional;

/** The comparison {@code Operator} of detection and requirement rules (C §3.5, [C] [PETRI]). */
public enum Operator {
    NOT_CONFIGURED(0),
    EQUAL(1),
    NOT_EQUAL(2),
    GREATER_THAN(4),
    GREATER_THAN_OR_EQUAL(5),
    LESS_THAN(8),
    LESS_THAN_OR_EQUAL(9);

    private final int code;

    Operator(int code) {
        this.code = code;
    }

    /** The number on the wire. */
    public int code() {
        return code;
    }

    /** As {@link #of(int)}, an absent operator being {@link #NOT_CONFIGURED}. */
    public static Optional<Operator> ofNullable(Integer code) {
        return of(code == null ? 0 : code);
    }

    /** The constant for a wire number, empty when the number is not one of ours. */
    public static Optional<Operator> of(int code) {
        for (Operator v : values()) {
            if (v.code == code) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
