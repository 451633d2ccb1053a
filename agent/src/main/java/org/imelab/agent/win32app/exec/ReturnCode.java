package org.imelab.agent.win32app.exec;

import java.util.List;
import java.util.Objects;

/** One entry of the policy's {@code ReturnCodes}: an installer exit code and what it means. */
public record ReturnCode(int returnCode, ReturnCodeType type) {

    public ReturnCode {
        Objects.requireNonNull(type, "type");
    }

    /** The portal's default table: 0 and 1707 success, 3010 soft reboot, 1641 hard reboot, 1618 retry (C §5). */
    public static final List<ReturnCode> DEFAULTS = List.of(
            new ReturnCode(0, ReturnCodeType.SUCCESS),
            new ReturnCode(1707, ReturnCodeType.SUCCESS),
            new ReturnCode(3010, ReturnCodeType.SOFT_REBOOT),
            new ReturnCode(1641, ReturnCodeType.HARD_REBOOT),
            new ReturnCode(1618, ReturnCodeType.RETRY));

    /**
     * What an exit code means under a policy's table: the first entry with that code; a code the
     * table does not list is a failure.
     */
    public static ReturnCodeType classify(int exitCode, List<ReturnCode> table) {
        for (ReturnCode rc : table) {
            if (rc.returnCode == exitCode) {
                return rc.type;
            }
        }
        return ReturnCodeType.FAILED;
    }
}
