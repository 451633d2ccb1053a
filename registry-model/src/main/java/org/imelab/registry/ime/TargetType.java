package org.imelab.registry.ime;

import java.util.Optional;

/** {@code TargetType}: what the assignment targets (None for a dependency only). */
public enum TargetType implements ImeCode {
    None(0),
    User(1),
    Device(2),
    BothDeviceAndUser(3);

    private final int code;

    TargetType(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    public static Optional<TargetType> ofCode(int code) {
        return ImeCode.find(TargetType.class, code);
    }
}
