package org.imelab.agent.win32app.rules;

import org.imelab.registry.ime.Applicability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.imelab.gateway.protocol.SideCarJson;
import org.imelab.gateway.protocol.win32.Detection;
import org.imelab.gateway.protocol.win32.ExtendedRequirementRule;
import org.imelab.gateway.protocol.win32.FileDetectionType;
import org.imelab.gateway.protocol.win32.Operator;
import org.imelab.gateway.protocol.win32.RequirementText;
import org.imelab.gateway.protocol.win32.ScriptOutputType;
import org.imelab.gateway.protocol.win32.Win32AppPolicy;
import org.imelab.gateway.protocol.win32.Win32AppPolicyParser;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real 2026 policy sample's rules, parsed by the gateway records and run by the evaluators. */
class PolicyRulesTest {
    @TempDir
    Path home;

    static Win32AppPolicy realSample() throws Exception {
        String text;
        try (InputStream in = PolicyRulesTest.class.getResourceAsStream("/real-artefacts/blog-appworkload-ps-installer-2026.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String line = text.lines().filter(l -> l.startsWith("Get policies = ")).findFirst().orElseThrow();
        return new Win32AppPolicyParser(new SideCarJson()).parse(line.substring("Get policies = ".length()))
                .accepted().get(0);
    }

    @Test
    void theRealSampleMapsAndDetectsSevenZipOnTheEmulatedDrive() throws Exception {
        Win32AppPolicy policy = realSample();
        List<DetectionRule> rules = PolicyRules.detectionRules(policy);
        FileRule rule = assertInstanceOf(FileRule.class, rules.get(0));
        assertEquals(new FileRule("C:\\Program Files\\7-zip", "7z.exe", false, FileDetectionType.VERSION,
                Operator.GREATER_THAN_OR_EQUAL, "25.01.00.0"), rule);
        RequirementRules req = PolicyRules.requirementRules(policy);
        assertEquals(32, req.requiredOsArchitecture());
        assertEquals("10.0.26100", req.minimumWindows10BuildNumber());
        assertEquals(List.of(), PolicyRules.extendedRequirementRules(policy));

        MemoryRegistry registry = new MemoryRegistry();
        DetectionEvaluator detection = new DetectionEvaluator(registry, WindowsPaths.emulated(home, Map.of(), true),
                new UninstallKeyMsiProducts(registry), new ScriptHost(home.resolve("s"), false, Map.of(), Duration.ofSeconds(5)),
                FixedDeviceFacts.typical());
        assertEquals(DetectionResult.State.NOT_DETECTED, detection.detect(rules).state());
        Path dir = Files.createDirectories(home.resolve("drive_c/Program Files/7-Zip"));
        Files.write(dir.resolve("7z.exe"), TestPe.withFileVersion(25, 1, 0, 0));
        assertEquals(DetectionResult.State.DETECTED, detection.detect(rules).state());

        RequirementEvaluator requirements = new RequirementEvaluator(FixedDeviceFacts.typical(), registry,
                WindowsPaths.emulated(home, Map.of(), true), new UninstallKeyMsiProducts(registry),
                new ScriptHost(home.resolve("s"), false, Map.of(), Duration.ofSeconds(5)));
        assertEquals(Applicability.Applicable, requirements.evaluate(req, List.of()).applicability());
    }

    @Test
    void aPolicyWithoutRequirementFieldsHasNoRequirements() throws Exception {
        Win32AppPolicy minimal = Win32AppPolicy.builder("f9000000-0000-4000-8000-000000000001", "Minimal", 1)
                .installCommandLine("sh install.sh").extendedRequirementRules(null).build();
        assertEquals(null, minimal.extendedRequirementRules(), "as a lab policy without the field binds");
        assertEquals(List.of(), PolicyRules.extendedRequirementRules(minimal));
        assertEquals(RequirementRules.NONE, PolicyRules.requirementRules(minimal));
    }

    @Test
    void mapsEveryKindOfRuleAndRefusesUnknownCodes() {
        DetectionRule msi = PolicyRules.detectionRule(new Detection.Msi("{A}", 5, "1.0"));
        assertEquals(new MsiRule("{A}", "1.0", Operator.GREATER_THAN_OR_EQUAL), msi);
        ScriptRule script = assertInstanceOf(ScriptRule.class,
                PolicyRules.detectionRule(Detection.Script.of("echo hi", true, false)));
        assertEquals("echo hi", script.body());
        RegistryRule reg = assertInstanceOf(RegistryRule.class, PolicyRules.detectionRule(
                new Detection.Registry("HKLM\\SOFTWARE\\X", "V", null, 4, 9, "3")));
        assertFalse(reg.check32BitOn64System());
        assertEquals(Operator.LESS_THAN_OR_EQUAL, reg.operator());

        RequirementRule sr = PolicyRules.requirementRule(ExtendedRequirementRule.of(new RequirementText.Script(
                java.util.Base64.getEncoder().encodeToString("echo 1".getBytes()), 0, false, false, 3, 1, "1")));
        assertEquals(ScriptOutputType.INTEGER, assertInstanceOf(ScriptRequirementRule.class, sr).outputType());

        assertThrows(IllegalArgumentException.class, () -> PolicyRules.detectionRule(
                new Detection.Registry("HKLM\\SOFTWARE\\X", "V", false, 4, 3, "3")));
        assertThrows(IllegalArgumentException.class, () -> PolicyRules.detectionRule(
                new Detection.File("C:\\", "x", false, 9, 1, "3")));
    }
}
