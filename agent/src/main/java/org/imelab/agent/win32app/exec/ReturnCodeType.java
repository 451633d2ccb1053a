package org.imelab.agent.win32app.exec;

/** {@code ReturnCodes[].Type} of the policy (C §3.5): 0 Failed, 1 Success, 2 SoftReboot, 3 HardReboot, 4 Retry. */
public enum ReturnCodeType {
    FAILED(0, "Failed"),
    SUCCESS(1, "Success"),
    SOFT_REBOOT(2, "SoftReboot"),
    HARD_REBOOT(3, "HardReboot"),
    RETRY(4, "Retry");

    private final int code;
    private final String logName;

    ReturnCodeType(int code, String logName) {
        this.code = code;
        this.logName = logName;
    }

    public int code() {
        return code;
    }

    /** The word the agent logs: {@code lpExitCode is defined as Success}. */
    public String logName() {
        return logName;
    }

    public static ReturnCodeType fromCode(int code) {
        for (ReturnCodeType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown return code type " + code + " (expected 0-4)");
    }
}
