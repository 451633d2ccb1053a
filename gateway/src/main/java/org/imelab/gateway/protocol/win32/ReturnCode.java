package org.imelab.gateway.protocol.win32;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Optional;

/** One entry of {@code ReturnCodes} (a JSON string inside the policy): an exit code and what it means. */
@JsonPropertyOrder({"ReturnCode", "Type"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReturnCode(@JsonProperty(value = "ReturnCode", required = true) int returnCode,
                         @JsonProperty(value = "Type", required = true) int type) {

    /** The portal's default table: 0 and 1707 success, 3010 soft reboot, 1641 hard reboot, 1618 retry (C §5). */
    public static final List<ReturnCode> DEFAULTS = List.of(
            new ReturnCode(0, ReturnCodeType.SUCCESS.code()),
            new ReturnCode(1707, ReturnCodeType.SUCCESS.code()),
            new ReturnCode(3010, ReturnCodeType.SOFT_REBOOT.code()),
            new ReturnCode(1641, ReturnCodeType.HARD_REBOOT.code()),
            new ReturnCode(1618, ReturnCodeType.RETRY.code()));

    public Optional<ReturnCodeType> kind() {
        return ReturnCodeType.of(type);
    }
}
