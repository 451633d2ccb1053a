package org.imelab.registry.ime;

import java.util.Optional;

/** {@code DesiredState} of a ComplianceStateMessage: not applicable 0, required install 2, uninstall 1. */
public enum DesiredState implements ImeCode {
    None(0),
    NotPresent(1),
    Present(2),
    Unknown(3),
    Available(4);

    private final int code;

    DesiredState(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    public static Optional<DesiredState> ofCode(int code) {
        return ImeCode.find(DesiredState.class, code);
    }
}
