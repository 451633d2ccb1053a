package org.imelab.agent.win32app.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReturnCodeTest {

    /** The real policy sample's table (C §3.5): [{0,1},{1707,1},{3010,2},{1641,3},{1618,4}]. */
    static final List<ReturnCode> SAMPLE = List.of(
            new ReturnCode(0, ReturnCodeType.fromCode(1)), new ReturnCode(1707, ReturnCodeType.fromCode(1)),
            new ReturnCode(3010, ReturnCodeType.fromCode(2)), new ReturnCode(1641, ReturnCodeType.fromCode(3)),
            new ReturnCode(1618, ReturnCodeType.fromCode(4)));

    @ParameterizedTest
    @CsvSource({
        "0, SUCCESS", "1707, SUCCESS", "3010, SOFT_REBOOT", "1641, HARD_REBOOT", "1618, RETRY",
        "1, FAILED", "1603, FAILED", "-1, FAILED", "2147483647, FAILED", "-2147483648, FAILED"})
    void mapsThroughThePolicyTableAndUnknownCodesFail(int exitCode, ReturnCodeType expected) {
        assertEquals(expected, ReturnCode.classify(exitCode, SAMPLE));
        assertEquals(expected, ReturnCode.classify(exitCode, ReturnCode.DEFAULTS));
    }

    @ParameterizedTest
    @CsvSource({"0, FAILED", "1, SUCCESS", "2, SOFT_REBOOT", "3, HARD_REBOOT", "4, RETRY"})
    void wireCodes(int code, ReturnCodeType type) {
        assertEquals(type, ReturnCodeType.fromCode(code));
        assertEquals(code, type.code());
    }

    @ParameterizedTest
    @CsvSource({"0, FAILED", "3010, SUCCESS", "5, RETRY"})
    void aCustomTableReplacesTheDefaults(int exitCode, ReturnCodeType expected) {
        List<ReturnCode> custom = List.of(new ReturnCode(3010, ReturnCodeType.SUCCESS), new ReturnCode(5, ReturnCodeType.RETRY),
                new ReturnCode(5, ReturnCodeType.FAILED));
        assertEquals(expected, ReturnCode.classify(exitCode, custom));
    }

    @org.junit.jupiter.api.Test
    void unknownTypeCodesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ReturnCodeType.fromCode(5));
    }
}
