package org.imelab.registry.ime;

import java.util.Optional;

/** {@code ComplianceState} of a ComplianceStateMessage. */
public enum ComplianceState implements ImeCode {
    Installed(1),
    NotInstalled(2),
    Error(4),
    Unknown(5),
    Cleanup(100);

    private final int code;

    ComplianceState(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    public static Optional<ComplianceState> ofCode(int code) {
        return ImeCode.find(ComplianceState.class, code);
    }
}
