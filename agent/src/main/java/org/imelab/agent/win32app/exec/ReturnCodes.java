package org.imelab.agent.win32app.exec;

import java.util.List;
import org.imelab.gateway.protocol.win32.ReturnCode;
import org.imelab.gateway.protocol.win32.ReturnCodeType;

/** The policy's {@code ReturnCodes} table applied to an installer's exit code: a pure function. */
public final class ReturnCodes {
    private ReturnCodes() {
    }

    /**
     * What an exit code means under a policy's table: the first entry with that code decides; a code
     * the table does not list, or an entry whose Type is not one of the five, is a failure.
     */
    public static ReturnCodeType classify(int exitCode, List<ReturnCode> table) {
        for (ReturnCode rc : table) {
            if (rc.returnCode() == exitCode) {
                return rc.kind().orElse(ReturnCodeType.FAILED);
            }
        }
        return ReturnCodeType.FAILED;
    }

    /** The word the agent logs: {@code [Win32App] lpExitCode is defined as Success}. */
    public static String logName(ReturnCodeType type) {
        return switch (type) {
            case FAILED -> "Failed";
            case SUCCESS -> "Success";
            case SOFT_REBOOT -> "SoftReboot";
            case HARD_REBOOT -> "HardReboot";
            case RETRY -> "Retry";
        };
    }
}
