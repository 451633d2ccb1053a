package org.imelab.gateway.protocol.win32;

import java.util.Optional;

/** {@code ReturnCodes[].Type} (C §3.5, [C] [PETRI]). */
public enum ReturnCodeType {
    FAILED(0),
    SUCCESS(1),
    SOFT_REBOOT(2),
    HARD_REBOOT(3),
    RETRY(4);

    private final int code;

    ReturnCodeType(int code) {
        this.code = code;
    }

    /** The real agent's word for it in its log ({@code lpExitCode is defined as Success}). */
    public String logName() {
        return switch (this) {
            case FAILED -> "Failed";
            case SUCCESS -> "Success";
            case SOFT_REBOOT -> "SoftReboot";
            case HARD_REBOOT -> "HardReboot";
            case RETRY -> "Retry";
        };
    }

    /** The number on the wire. */
    public int code() {
        return code;
    }

    /** The constant for a wire number, empty when the number is not one of ours. */
    public static Optional<ReturnCodeType> of(int code) {
        for (ReturnCodeType v : values()) {
            if (v.code == code) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
