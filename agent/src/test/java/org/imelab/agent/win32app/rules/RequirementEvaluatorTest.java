package org.imelab.agent.win32app.rules;

import org.imelab.registry.ime.Applicability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.imelab.gateway.protocol.win32.FileDetectionType;
import org.imelab.gateway.protocol.win32.Operator;
import org.imelab.gateway.protocol.win32.RegistryDetectionType;
import org.imelab.gateway.protocol.win32.ScriptOutputType;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each requirement, with fixed machine facts, gives its Applicability code (C §1.2). */
class RequirementEvaluatorTest {
    static final long MB = FixedDeviceFacts.MB;

    @TempDir
    Path home;

    static RequirementRules only(Integer arch, Long diskMb, String os, Long memMb, Integer cpus, Long mhz) {
        return new RequirementRules(arch, diskMb, os, memMb, cpus, mhz, false);
    }

    static Stream<Arguments> facts() {
        FixedDeviceFacts t = FixedDeviceFacts.typical();
        return Stream.of(
                Arguments.of(RequirementRules.NONE, t, Applicability.Applicable),
                // the 2026 sample: x64 only (32), Windows 11 24H2
                Arguments.of(only(32, null, "10.0.26100", null, null, null), t, Applicability.Applicable),
                Arguments.of(only(32, null, null, null, null, null), new FixedDeviceFacts(OsArchitecture.X86,
                        t.osVersion(), t.freeSystemDiskBytes(), t.physicalMemoryBytes(), 2, t.cpuSpeedMhz()),
                        Applicability.ProcessorArchitectureNotApplicable),
                Arguments.of(only(1, null, null, null, null, null), t, Applicability.ProcessorArchitectureNotApplicable),
                Arguments.of(only(3, null, null, null, null, null), t, Applicability.Applicable),
                Arguments.of(only(2, null, null, null, null, null), new FixedDeviceFacts(OsArchitecture.ARM64,
                        t.osVersion(), t.freeSystemDiskBytes(), t.physicalMemoryBytes(), 8, t.cpuSpeedMhz()),
                        Applicability.ProcessorArchitectureNotApplicable),
                Arguments.of(only(null, 100_000L, null, null, null, null), t, Applicability.Applicable),
                Arguments.of(only(null, 100_001L, null, null, null, null), t, Applicability.MinimumDiskSpaceNotMet),
                Arguments.of(only(null, null, "10.0.26100.2605", null, null, null), t, Applicability.Applicable),
                Arguments.of(only(null, null, "10.0.26200", null, null, null), t, Applicability.MinimumOSVersionNotMet),
                Arguments.of(only(null, null, "10.0.19045", null, null, null), new FixedDeviceFacts(OsArchitecture.X64,
                        Optional.empty(), t.freeSystemDiskBytes(), t.physicalMemoryBytes(), 8, t.cpuSpeedMhz()),
                        Applicability.MinimumOSVersionNotMet),
                Arguments.of(only(null, null, null, 16_384L, null, null), t, Applicability.Applicable),
                Arguments.of(only(null, null, null, 32_768L, null, null), t, Applicability.MinimumPhysicalMemoryNotMet),
                Arguments.of(only(null, null, null, null, 8, null), t, Applicability.Applicable),
                Arguments.of(only(null, null, null, null, 16, null), t, Applicability.MinimumLogicalProcessorCountNotMet),
                Arguments.of(only(null, null, null, null, null, 2400L), t, Applicability.Applicable),
                Arguments.of(only(null, null, null, null, null, 3000L), t, Applicability.MinimumCPUSpeedNotMet),
                Arguments.of(only(null, null, null, null, null, 1000L), new FixedDeviceFacts(OsArchitecture.X64,
                        t.osVersion(), t.freeSystemDiskBytes(), t.physicalMemoryBytes(), 8, OptionalLong.empty()),
                        Applicability.MinimumCPUSpeedNotMet),
                // several failing: the lowest code wins
                Arguments.of(only(1, 1_000_000L, "10.0.99999", 1_000_000L, 64, 9999L), t,
                        Applicability.ProcessorArchitectureNotApplicable),
                Arguments.of(only(null, null, "10.0.99999", 1_000_000L, 64, 9999L), t,
                        Applicability.MinimumOSVersionNotMet));
    }

    private RequirementEvaluator evaluator(DeviceFacts facts, MemoryRegistry registry) {
        return new RequirementEvaluator(facts, registry, WindowsPaths.emulated(home, Map.of(), true),
                new UninstallKeyMsiProducts(registry), new ScriptHost(home.resolve("scripts"), false, Map.of(),
                Duration.ofSeconds(20)));
    }

    @ParameterizedTest
    @MethodSource("facts")
    void machineRequirements(RequirementRules rules, DeviceFacts facts, Applicability expected) {
        ApplicabilityResult r = evaluator(facts, new MemoryRegistry()).evaluate(rules, List.of());
        assertEquals(expected, r.applicability(), r.detail());
    }

    @Test
    void extendedFileAndRegistryRulesGive1006And1007() throws Exception {
        MemoryRegistry registry = new MemoryRegistry();
        registry.put(RegPath.parse("HKLM\\SOFTWARE\\Contoso"), "Ring", RegValue.sz("Pilot"));
        Files.createDirectories(home.resolve("drive_c/ProgramData/Contoso")).resolve("ready.flag").toFile().createNewFile();
        RequirementEvaluator e = evaluator(FixedDeviceFacts.typical(), registry);
        FileRule fileOk = new FileRule("%ProgramData%\\Contoso", "ready.flag", false, FileDetectionType.EXISTS, null, null);
        FileRule fileMissing = new FileRule("%ProgramData%\\Contoso", "other.flag", false, FileDetectionType.EXISTS, null, null);
        RegistryRule ringPilot = new RegistryRule("HKLM\\SOFTWARE\\Contoso", "Ring", false, RegistryDetectionType.STRING,
                Operator.EQUAL, "Pilot");
        RegistryRule ringBroad = new RegistryRule("HKLM\\SOFTWARE\\Contoso", "Ring", false, RegistryDetectionType.STRING,
                Operator.EQUAL, "Broad");
        assertEquals(Applicability.Applicable, e.evaluate(RequirementRules.NONE, List.of(fileOk, ringPilot)).applicability());
        assertEquals(Applicability.FileSystemRequirementRuleNotMet,
                e.evaluate(RequirementRules.NONE, List.of(fileMissing, ringBroad)).applicability());
        assertEquals(Applicability.RegistryRequirementRuleNotMet,
                e.evaluate(RequirementRules.NONE, List.of(fileOk, ringBroad)).applicability());
        // machine requirements come before the extended rules
        assertEquals(Applicability.MinimumLogicalProcessorCountNotMet,
                e.evaluate(only(null, null, null, null, 99, null), List.of(fileMissing)).applicability());
    }

    static Stream<Arguments> scripts() {
        return Stream.of(
                Arguments.of("echo 42", ScriptOutputType.INTEGER, Operator.GREATER_THAN_OR_EQUAL, "40", Applicability.Applicable),
                Arguments.of("echo 42", ScriptOutputType.INTEGER, Operator.LESS_THAN, "40", Applicability.ScriptRequirementRuleNotMet),
                Arguments.of("echo forty-two", ScriptOutputType.INTEGER, Operator.EQUAL, "42", Applicability.RequirementsNotMet),
                Arguments.of("echo Pilot", ScriptOutputType.STRING, Operator.EQUAL, "pilot", Applicability.Applicable),
                Arguments.of("echo Pilot", ScriptOutputType.STRING, Operator.NOT_EQUAL, "Pilot", Applicability.ScriptRequirementRuleNotMet),
                Arguments.of("echo 2.5", ScriptOutputType.FLOATING_POINT, Operator.GREATER_THAN, "2.25", Applicability.Applicable),
                Arguments.of("echo 10.0.3", ScriptOutputType.VERSION, Operator.GREATER_THAN, "10.0.2.9", Applicability.Applicable),
                Arguments.of("echo True", ScriptOutputType.BOOLEAN, Operator.EQUAL, "true", Applicability.Applicable),
                Arguments.of("echo False", ScriptOutputType.BOOLEAN, Operator.EQUAL, "true", Applicability.ScriptRequirementRuleNotMet),
                Arguments.of("echo maybe", ScriptOutputType.BOOLEAN, Operator.EQUAL, "true", Applicability.RequirementsNotMet),
                Arguments.of("echo 2025-01-02T00:00:00Z", ScriptOutputType.DATE_TIME, Operator.LESS_THAN, "2026-01-01",
                        Applicability.Applicable),
                Arguments.of("echo 42; exit 3", ScriptOutputType.INTEGER, Operator.EQUAL, "42",
                        Applicability.ScriptRequirementRuleNotMet));
    }

    @ParameterizedTest
    @MethodSource("scripts")
    @DisabledOnOs(OS.WINDOWS)
    void scriptRequirements(String script, ScriptOutputType type, Operator op, String value, Applicability expected) {
        ScriptRequirementRule rule = new ScriptRequirementRule(new ScriptRule("#!/bin/sh\n" + script + "\n", false, false),
                type, op, value);
        ApplicabilityResult r = evaluator(FixedDeviceFacts.typical(), new MemoryRegistry())
                .evaluate(RequirementRules.NONE, List.of(rule));
        assertEquals(expected, r.applicability(), r.detail());
    }

    @Test
    void aScriptRequirementWithoutPowerShellIsNotMetWith1008() {
        RequirementEvaluator e = new RequirementEvaluator(FixedDeviceFacts.typical(), new MemoryRegistry(),
                WindowsPaths.emulated(home, Map.of(), true), new UninstallKeyMsiProducts(new MemoryRegistry()),
                new ScriptHost(home.resolve("scripts"), false, Map.of("PATH", home.toString()), Duration.ofSeconds(5)));
        ApplicabilityResult r = e.evaluate(RequirementRules.NONE, List.of(new ScriptRequirementRule(
                new ScriptRule("Write-Output 1", false, false), ScriptOutputType.INTEGER, Operator.EQUAL, "1")));
        assertEquals(Applicability.ScriptRequirementRuleNotMet, r.applicability());
        assertEquals(true, r.detail().startsWith("script rules need PowerShell"), r.detail());
    }
}
