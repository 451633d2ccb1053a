package org.imelab.agent.win32app.rules;

import static org.imelab.agent.win32app.rules.RuleOutcome.Verdict.MET;
import static org.imelab.agent.win32app.rules.RuleOutcome.Verdict.NOT_MET;
import static org.imelab.gateway.protocol.win32.Operator.EQUAL;
import static org.imelab.gateway.protocol.win32.Operator.GREATER_THAN;
import static org.imelab.gateway.protocol.win32.Operator.GREATER_THAN_OR_EQUAL;
import static org.imelab.gateway.protocol.win32.Operator.LESS_THAN;
import static org.imelab.gateway.protocol.win32.Operator.LESS_THAN_OR_EQUAL;
import static org.imelab.gateway.protocol.win32.Operator.NOT_CONFIGURED;
import static org.imelab.gateway.protocol.win32.Operator.NOT_EQUAL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.imelab.gateway.protocol.win32.Operator;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.RegistryView;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** MSI product-code rules against the Uninstall keys of both registry views. */
class MsiRuleTest {
    static final String X64 = "{3F2504E0-4F89-11D3-9A0C-0305E82C3301}";
    static final String X86 = "{89E4C65D-96DD-435B-9BBB-EF1EAEF5B738}";
    static final String PACKED = "{11111111-2222-3333-4444-555555555555}";

    static MemoryRegistry registry() {
        MemoryRegistry r = new MemoryRegistry();
        r.put(RegPath.parse(UninstallKeyMsiProducts.UNINSTALL).child(X64), "DisplayVersion", RegValue.sz("1.2.3"));
        // a 32-bit package: under WOW6432Node, found through the 32-bit view
        r.put(RegPath.parse(UninstallKeyMsiProducts.UNINSTALL, RegistryView.VIEW_32).child(X86), "DisplayVersion",
                RegValue.sz("2.51.0"));
        // only the packed Version DWORD: 4.1.300
        r.put(RegPath.parse(UninstallKeyMsiProducts.UNINSTALL).child(PACKED), "Version",
                RegValue.dword((4 << 24) | (1 << 16) | 300));
        return r;
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of(new MsiRule(X64, null, NOT_CONFIGURED), MET),
                Arguments.of(new MsiRule(X64.toLowerCase(), "", NOT_CONFIGURED), MET),
                Arguments.of(new MsiRule(X86, null, NOT_CONFIGURED), MET),
                Arguments.of(new MsiRule("{00000000-0000-0000-0000-000000000000}", null, NOT_CONFIGURED), NOT_MET),
                Arguments.of(new MsiRule(X64, "1.2.3", NOT_CONFIGURED), MET),
                Arguments.of(new MsiRule(X64, "1.2.3", EQUAL), MET),
                Arguments.of(new MsiRule(X64, "1.2.3", NOT_EQUAL), NOT_MET),
                Arguments.of(new MsiRule(X64, "1.2", GREATER_THAN), MET),
                Arguments.of(new MsiRule(X64, "1.2.4", GREATER_THAN_OR_EQUAL), NOT_MET),
                Arguments.of(new MsiRule(X86, "3.0", LESS_THAN), MET),
                Arguments.of(new MsiRule(X86, "2.50", LESS_THAN_OR_EQUAL), NOT_MET),
                Arguments.of(new MsiRule(PACKED, "4.1.300", EQUAL), MET));
    }

    @ParameterizedTest
    @MethodSource("rules")
    void evaluates(MsiRule rule, RuleOutcome.Verdict expected) {
        MemoryRegistry r = registry();
        DetectionEvaluator detection = new DetectionEvaluator(r, WindowsPaths.emulated(Path.of("/nonexistent-imelab"),
                Map.of(), true), new UninstallKeyMsiProducts(r), new ScriptHost(Path.of("/nonexistent-imelab"), false,
                Map.of(), Duration.ofSeconds(5)), FixedDeviceFacts.typical());
        RuleOutcome o = detection.evaluate(rule);
        assertEquals(expected, o.verdict(), o.detail());
    }
}
