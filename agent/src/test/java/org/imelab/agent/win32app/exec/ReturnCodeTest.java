package org.imelab.agent.win32app.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.imelab.gateway.protocol.win32.ReturnCode;
import org.imelab.gateway.protocol.win32.ReturnCodeType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReturnCodeTest {

    /** The real policy sample's table (C §3.5): [{0,1},{1707,1},{3010,2},{1641,3},{1618,4}]. */
    static final List<ReturnCode> SAMPLE = List.of(new ReturnCode(0, 1), new ReturnCode(1707, 1),
            new ReturnCode(3010, 2), new ReturnCode(1641, 3), new ReturnCode(1618, 4));

    @ParameterizedTest
    @CsvSource({
        "0, SUCCESS", "1707, SUCCESS", "3010, SOFT_REBOOT", "1641, HARD_REBOOT", "1618, RETRY",
        "1, FAILED", "1603, FAILED", "-1, FAILED", "2147483647, FAILED", "-2147483648, FAILED"})
    void mapsThroughThePolicyTableAndUnknownCodesFail(int exitCode, ReturnCodeType expected) {
        assertEquals(expected, ReturnCodes.classify(exitCode, SAMPLE));
        assertEquals(expected, ReturnCodes.classify(exitCode, ReturnCode.DEFAULTS));
    }

    @ParameterizedTest
    @CsvSource({"FAILED, Failed", "SUCCESS, Success", "SOFT_REBOOT, SoftReboot", "HARD_REBOOT, HardReboot", "RETRY, Retry"})
    void logNames(ReturnCodeType type, String word) {
        assertEquals(word, ReturnCodes.logName(type));
    }

    @ParameterizedTest
    @CsvSource({"0, FAILED", "3010, SUCCESS", "5, RETRY"})
    void aCustomTableReplacesTheDefaults(int exitCode, ReturnCodeType expected) {
        List<ReturnCode> custom = List.of(new ReturnCode(3010, 1), new ReturnCode(5, 4), new ReturnCode(5, 0));
        assertEquals(expected, ReturnCodes.classify(exitCode, custom));
    }

    @org.junit.jupiter.api.Test
    void anEntryWithAnUnknownTypeCountsAsFailed() {
        assertEquals(ReturnCodeType.FAILED, ReturnCodes.classify(0, List.of(new ReturnCode(0, 9))));
    }
}
