package org.imelab.agent.win32app.rules;

import java.util.List;
import org.imelab.gateway.protocol.win32.Detection;
import org.imelab.gateway.protocol.win32.ExtendedRequirementRule;
import org.imelab.gateway.protocol.win32.FileDetectionType;
import org.imelab.gateway.protocol.win32.Operator;
import org.imelab.gateway.protocol.win32.RegistryDetectionType;
import org.imelab.gateway.protocol.win32.RequirementText;
import org.imelab.gateway.protocol.win32.ScriptOutputType;
import org.imelab.gateway.protocol.win32.Win32AppPolicy;

/**
 * Maps a parsed Win32 app policy ({@code DetectionRule}, {@code RequirementRules},
 * {@code ExtendedRequirementRules}) onto the rules the evaluators run. A code the policy records
 * could not name (an unknown DetectionType or Operator) is refused here with the field named, so
 * one bad rule cannot pass as "not configured".
 */
public final class PolicyRules {
    private PolicyRules() {
    }

    public static List<DetectionRule> detectionRules(Win32AppPolicy policy) {
        return policy.detectionRules().stream().map(r -> detectionRule(r.detection())).toList();
    }

    public static RequirementRules requirementRules(Win32AppPolicy policy) {
        org.imelab.gateway.protocol.win32.RequirementRules r = policy.requirementRules();
        if (r == null) {
            return RequirementRules.NONE;
        }
        return new RequirementRules(r.requiredOSArchitecture(), toLong(r.minimumFreeDiskSpaceInMB()),
                r.minimumWindows10BuildNumber(), toLong(r.minimumMemoryInMB()), r.minimumNumberOfProcessors(),
                toLong(r.minimumCpuSpeed()), Boolean.TRUE.equals(r.runAs32Bit()));
    }

    /** The extended rules; a policy without the field (a minimal lab policy) has none. */
    public static List<RequirementRule> extendedRequirementRules(Win32AppPolicy policy) {
        if (policy.extendedRequirementRules() == null) {
            return List.of();
        }
        return policy.extendedRequirementRules().stream().map(PolicyRules::requirementRule).toList();
    }

    public static DetectionRule detectionRule(Detection d) {
        return switch (d) {
            case Detection.Registry r -> new RegistryRule(r.keyPath(), r.valueName(), flag(r.check32BitOn64System()),
                    RegistryDetectionType.of(r.detectionType()).orElseThrow(() -> unknown("registry DetectionType", r.detectionType())),
                    operator(r.operator()), r.detectionValue());
            case Detection.Msi m -> new MsiRule(m.productCode(), m.productVersion(), operator(m.productVersionOperator()));
            case Detection.File f -> new FileRule(f.path(), f.fileOrFolderName(), flag(f.check32BitOn64System()),
                    FileDetectionType.of(f.detectionType()).orElseThrow(() -> unknown("file DetectionType", f.detectionType())),
                    operator(f.operator()), f.detectionValue());
            case Detection.Script s -> new ScriptRule(s.scriptText(), flag(s.enforceSignatureCheck()), flag(s.runAs32Bit()));
        };
    }

    public static RequirementRule requirementRule(ExtendedRequirementRule rule) {
        return switch (rule.requirement()) {
            case RequirementText.File f -> new FileRule(f.path(), f.fileOrFolderName(), flag(f.check32BitOn64System()),
                    FileDetectionType.of(f.type()).orElseThrow(() -> unknown("file requirement Type", f.type())),
                    operator(f.operator()), f.value());
            case RequirementText.Registry r -> new RegistryRule(r.keyPath(), r.valueName(), flag(r.check32BitOn64System()),
                    RegistryDetectionType.of(r.type()).orElseThrow(() -> unknown("registry requirement Type", r.type())),
                    operator(r.operator()), r.value());
            case RequirementText.Script s -> new ScriptRequirementRule(
                    new ScriptRule(s.scriptText(), flag(s.enforceSignatureCheck()), flag(s.runAs32Bit())),
                    ScriptOutputType.of(s.type()).orElseThrow(() -> unknown("script requirement Type", s.type())),
                    operator(s.operator()), s.value());
        };
    }

    private static Operator operator(Integer code) {
        int c = code == null ? 0 : code;
        return Operator.of(c).orElseThrow(() -> unknown("Operator", c));
    }

    private static boolean flag(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    private static Long toLong(Integer i) {
        return i == null ? null : i.longValue();
    }

    private static IllegalArgumentException unknown(String field, int code) {
        return new IllegalArgumentException("Unknown " + field + " " + code);
    }
}
