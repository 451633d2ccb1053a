package org.imelab.gateway.protocol.win32;

import java.util.Optional;

/** {@code InstallEx.DeviceRestartBehavior}. Sources disagree on 1 and 2; imelab follows [IMEINTERP] (C §3.5): 0 by return codes, 1 may force ("allow"), 2 no specific action ("suppress"), 3 force. */
public enum DeviceRestartBehavior {
    BASED_ON_RETURN_CODE(0),
    ALLOW(1),
    SUPPRESS(2),
    FORCE(3);

    private final int code;

    DeviceRestartBehavior(int code) {
        this.code = code;
    }

    /** The number on the wire. */
    public int code() {
        return code;
    }

    /** The constant for a wire number, empty when the number is not one of ours. */
    public static Optional<DeviceRestartBehavior> of(int code) {
        for (DeviceRestartBehavior v : values()) {
            if (v.code == code) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
