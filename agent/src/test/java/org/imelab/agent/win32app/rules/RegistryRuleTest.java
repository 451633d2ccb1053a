package org.imelab.agent.win32app.rules;

import static org.imelab.agent.win32app.rules.RuleOutcome.Verdict.ERROR;
import static org.imelab.agent.win32app.rules.RuleOutcome.Verdict.MET;
import static org.imelab.agent.win32app.rules.RuleOutcome.Verdict.NOT_MET;
import static org.imelab.gateway.protocol.win32.Operator.EQUAL;
import static org.imelab.gateway.protocol.win32.Operator.GREATER_THAN;
import static org.imelab.gateway.protocol.win32.Operator.GREATER_THAN_OR_EQUAL;
import static org.imelab.gateway.protocol.win32.Operator.LESS_THAN;
import static org.imelab.gateway.protocol.win32.Operator.LESS_THAN_OR_EQUAL;
import static org.imelab.gateway.protocol.win32.Operator.NOT_CONFIGURED;
import static org.imelab.gateway.protocol.win32.Operator.NOT_EQUAL;
import static org.imelab.gateway.protocol.win32.RegistryDetectionType.DOES_NOT_EXIST;
import static org.imelab.gateway.protocol.win32.RegistryDetectionType.EXISTS;
import static org.imelab.gateway.protocol.win32.RegistryDetectionType.INTEGER;
import static org.imelab.gateway.protocol.win32.RegistryDetectionType.STRING;
import static org.imelab.gateway.protocol.win32.RegistryDetectionType.VERSION;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.imelab.gateway.protocol.win32.Operator;
import org.imelab.gateway.protocol.win32.RegistryDetectionType;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.RegistryView;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every registry sub-type and operator (C §3.5), against a real in-process registry. */
class RegistryRuleTest {
    static final String KEY = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor\\App";
    static final String KEY32 = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor\\App32";

    static MemoryRegistry seeded() {
        MemoryRegistry r = new MemoryRegistry();
        RegPath app = RegPath.parse(KEY);
        r.put(app, "DisplayName", RegValue.sz("Vendor App"));
        r.put(app, "Version", RegValue.sz("2.5.1"));
        r.put(app, "Count", RegValue.dword(7));
        r.put(app, "AllBits", RegValue.dword(-1));
        r.put(app, "Big", RegValue.qword(5_000_000_000L));
        r.put(app, "CountText", RegValue.sz("42"));
        r.put(app, "InstallDir", new RegValue.ExpandSz("%ProgramFiles%\\Vendor"));
        r.createKey(app.child("Empty"));
        // only in the 32-bit view (stored under WOW6432Node)
        r.put(RegPath.parse(KEY32, RegistryView.VIEW_32), "Version", RegValue.sz("1.0.0"));
        return r;
    }

    static RegistryRule rule(String key, String value, RegistryDetectionType t, Operator op, String expected) {
        return new RegistryRule(key, value, false, t, op, expected);
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of(rule(KEY, "DisplayName", EXISTS, NOT_CONFIGURED, null), MET),
                Arguments.of(rule(KEY, "Missing", EXISTS, NOT_CONFIGURED, null), NOT_MET),
                Arguments.of(rule(KEY, "", EXISTS, NOT_CONFIGURED, null), MET),
                Arguments.of(rule(KEY + "\\Empty", null, EXISTS, NOT_CONFIGURED, null), MET),
                Arguments.of(rule(KEY + "\\Nope", null, EXISTS, NOT_CONFIGURED, null), NOT_MET),
                Arguments.of(rule(KEY, "Missing", DOES_NOT_EXIST, NOT_CONFIGURED, null), MET),
                Arguments.of(rule(KEY, "DisplayName", DOES_NOT_EXIST, NOT_CONFIGURED, null), NOT_MET),
                Arguments.of(rule(KEY + "\\Nope", "", DOES_NOT_EXIST, NOT_CONFIGURED, null), MET),
                Arguments.of(rule(KEY, "DisplayName", RegistryDetectionType.NOT_CONFIGURED, NOT_CONFIGURED, null), MET),
                // string
                Arguments.of(rule(KEY, "DisplayName", STRING, EQUAL, "Vendor App"), MET),
                Arguments.of(rule(KEY, "DisplayName", STRING, EQUAL, "vendor app"), MET),
                Arguments.of(rule(KEY, "DisplayName", STRING, EQUAL, "Other"), NOT_MET),
                Arguments.of(rule(KEY, "DisplayName", STRING, NOT_EQUAL, "Other"), MET),
                Arguments.of(rule(KEY, "DisplayName", STRING, NOT_EQUAL, "Vendor App"), NOT_MET),
                Arguments.of(rule(KEY, "DisplayName", STRING, GREATER_THAN, "Able"), MET),
                Arguments.of(rule(KEY, "DisplayName", STRING, LESS_THAN, "Able"), NOT_MET),
                Arguments.of(rule(KEY, "InstallDir", STRING, EQUAL, "C:\\Program Files\\Vendor"), MET),
                Arguments.of(rule(KEY, "Missing", STRING, EQUAL, "x"), NOT_MET),
                Arguments.of(rule(KEY, "DisplayName", STRING, NOT_CONFIGURED, "Vendor App"), ERROR),
                // integer
                Arguments.of(rule(KEY, "Count", INTEGER, EQUAL, "7"), MET),
                Arguments.of(rule(KEY, "Count", INTEGER, NOT_EQUAL, "7"), NOT_MET),
                Arguments.of(rule(KEY, "Count", INTEGER, GREATER_THAN, "6"), MET),
                Arguments.of(rule(KEY, "Count", INTEGER, GREATER_THAN, "7"), NOT_MET),
                Arguments.of(rule(KEY, "Count", INTEGER, GREATER_THAN_OR_EQUAL, "7"), MET),
                Arguments.of(rule(KEY, "Count", INTEGER, LESS_THAN, "7"), NOT_MET),
                Arguments.of(rule(KEY, "Count", INTEGER, LESS_THAN, "0x8"), MET),
                Arguments.of(rule(KEY, "Count", INTEGER, LESS_THAN_OR_EQUAL, "7"), MET),
                Arguments.of(rule(KEY, "AllBits", INTEGER, EQUAL, "4294967295"), MET),
                Arguments.of(rule(KEY, "Big", INTEGER, GREATER_THAN, "4294967295"), MET),
                Arguments.of(rule(KEY, "CountText", INTEGER, EQUAL, "42"), MET),
                Arguments.of(rule(KEY, "DisplayName", INTEGER, EQUAL, "42"), NOT_MET),
                Arguments.of(rule(KEY, "Count", INTEGER, EQUAL, "seven"), ERROR),
                // version
                Arguments.of(rule(KEY, "Version", VERSION, EQUAL, "2.5.1.0"), MET),
                Arguments.of(rule(KEY, "Version", VERSION, NOT_EQUAL, "2.5.1"), NOT_MET),
                Arguments.of(rule(KEY, "Version", VERSION, GREATER_THAN, "2.5"), MET),
                Arguments.of(rule(KEY, "Version", VERSION, GREATER_THAN, "2.10"), NOT_MET),
                Arguments.of(rule(KEY, "Version", VERSION, GREATER_THAN_OR_EQUAL, "2.05.01"), MET),
                Arguments.of(rule(KEY, "Version", VERSION, LESS_THAN, "2.10"), MET),
                Arguments.of(rule(KEY, "Version", VERSION, LESS_THAN_OR_EQUAL, "2.5.0"), NOT_MET),
                Arguments.of(rule(KEY, "DisplayName", VERSION, EQUAL, "1.0"), NOT_MET),
                Arguments.of(rule(KEY, "Version", VERSION, EQUAL, "one"), ERROR),
                // views: the 32-bit key is only seen with Check32BitOn64System
                Arguments.of(rule(KEY32, "Version", EXISTS, NOT_CONFIGURED, null), NOT_MET),
                Arguments.of(new RegistryRule(KEY32, "Version", true, VERSION, EQUAL, "1.0"), MET),
                Arguments.of(new RegistryRule(KEY, "Version", true, EXISTS, NOT_CONFIGURED, null), NOT_MET),
                Arguments.of(rule("HKXX\\Bad", "x", EXISTS, NOT_CONFIGURED, null), ERROR));
    }

    @ParameterizedTest
    @MethodSource("rules")
    void evaluates(RegistryRule rule, RuleOutcome.Verdict expected) {
        DetectionEvaluator detection = new DetectionEvaluator(seeded(),
                WindowsPaths.emulated(Path.of("/nonexistent-imelab"), Map.of(), true),
                new UninstallKeyMsiProducts(seeded()),
                new ScriptHost(Path.of("/nonexistent-imelab"), false, Map.of(), Duration.ofSeconds(5)),
                FixedDeviceFacts.typical());
        RuleOutcome o = detection.evaluate(rule);
        assertEquals(expected, o.verdict(), o.detail());
    }
}
