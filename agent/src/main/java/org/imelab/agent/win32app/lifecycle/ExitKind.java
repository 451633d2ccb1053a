package org.imelab.agent.win32app.lifecycle;

/** ReturnCodes[].Type of the policy: 0 Failed, 1 Success, 2 SoftReboot, 3 HardReboot, 4 Retry. */
public enum ExitKind {
    FAILED(0), SUCCESS(1), SOFT_REBOOT(2), HARD_REBOOT(3), RETRY(4);

    private final int policyType;

    ExitKind(int policyType) {
        this.policyType = policyType;
    }

    public int policyType() {
        return policyType;
    }

    public static ExitKind ofPolicyType(int type) {
        for (ExitKind k : values()) {
            if (k.policyType == type) {
                return k;
            }
        }
        throw new IllegalArgumentException("Unknown ReturnCodes Type " + type);
    }

    /** The real agent's log word for it ("lpExitCode is defined as Success"). */
    public String logName() {
        return switch (this) {
            case FAILED -> "Failed";
            case SUCCESS -> "Success";
            case SOFT_REBOOT -> "SoftReboot";
            case HARD_REBOOT -> "HardReboot";
            case RETRY -> "Retry";
        };
    }
}
