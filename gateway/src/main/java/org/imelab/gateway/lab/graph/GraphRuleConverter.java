package org.imelab.gateway.lab.graph;

import static org.imelab.gateway.lab.graph.GraphJson.bool;
import static org.imelab.gateway.lab.graph.GraphJson.mapped;
import static org.imelab.gateway.lab.graph.GraphJson.odataType;
import static org.imelab.gateway.lab.graph.GraphJson.requiredText;
import static org.imelab.gateway.lab.graph.GraphJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imelab.gateway.lab.LabDefinitionException;
import org.imelab.gateway.protocol.win32.Detection;
import org.imelab.gateway.protocol.win32.DetectionRule;
import org.imelab.gateway.protocol.win32.ExtendedRequirementRule;
import org.imelab.gateway.protocol.win32.FileDetectionType;
import org.imelab.gateway.protocol.win32.Operator;
import org.imelab.gateway.protocol.win32.RegistryDetectionType;
import org.imelab.gateway.protocol.win32.RequirementText;
import org.imelab.gateway.protocol.win32.RunAs;
import org.imelab.gateway.protocol.win32.ScriptOutputType;

/**
 * Converts Graph's Win32 app rules into the SideCar form: the older {@code detectionRules} /
 * {@code requirementRules} ({@code win32LobApp*Detection}, {@code win32LobApp*Requirement}) and the
 * newer {@code rules} ({@code win32LobApp*Rule} with {@code ruleType}). Enumeration names are
 * Graph's, codes the SideCar ones of ime-behaviour.md C §3.5.
 */
final class GraphRuleConverter {
    static final Map<String, Integer> OPERATORS = ordered(
            "notConfigured", Operator.NOT_CONFIGURED.code(), "equal", Operator.EQUAL.code(),
            "notEqual", Operator.NOT_EQUAL.code(), "greaterThan", Operator.GREATER_THAN.code(),
            "greaterThanOrEqual", Operator.GREATER_THAN_OR_EQUAL.code(), "lessThan", Operator.LESS_THAN.code(),
            "lessThanOrEqual", Operator.LESS_THAN_OR_EQUAL.code());
    static final Map<String, Integer> FILE_TYPES = ordered(
            "exists", FileDetectionType.EXISTS.code(), "modifiedDate", FileDetectionType.MODIFIED_DATE.code(),
            "createdDate", FileDetectionType.CREATED_DATE.code(), "version", FileDetectionType.VERSION.code(),
            "sizeInMB", FileDetectionType.SIZE_IN_MB.code(), "doesNotExist", FileDetectionType.DOES_NOT_EXIST.code());
    static final Map<String, Integer> REGISTRY_TYPES = ordered(
            "exists", RegistryDetectionType.EXISTS.code(), "doesNotExist", RegistryDetectionType.DOES_NOT_EXIST.code(),
            "string", RegistryDetectionType.STRING.code(), "integer", RegistryDetectionType.INTEGER.code(),
            "version", RegistryDetectionType.VERSION.code());
    static final Map<String, Integer> SCRIPT_OUTPUT_TYPES = ordered(
            "string", ScriptOutputType.STRING.code(), "dateTime", ScriptOutputType.DATE_TIME.code(),
            "integer", ScriptOutputType.INTEGER.code(), "float", ScriptOutputType.FLOATING_POINT.code(),
            "version", ScriptOutputType.VERSION.code(), "boolean", ScriptOutputType.BOOLEAN.code());
    static final Map<String, Integer> RUN_AS = ordered("system", RunAs.SYSTEM.code(), "user", RunAs.USER.code());

    private final ScriptBodies scripts;

    GraphRuleConverter(ScriptBodies scripts) {
        this.scripts = scripts;
    }

    /** A detection rule ({@code detectionRules[]} element, or a {@code rules[]} element of ruleType detection). */
    DetectionRule detection(JsonNode rule, String at) throws LabDefinitionException {
        String type = odataType(rule, at);
        return switch (type) {
            case "microsoft.graph.win32LobAppFileSystemDetection" -> DetectionRule.of(new Detection.File(
                    requiredText(rule, "path", at), requiredText(rule, "fileOrFolderName", at),
                    bool(rule, "check32BitOn64System", false, at),
                    mapped(rule, "detectionType", FILE_TYPES, null, at),
                    mapped(rule, "operator", OPERATORS, 0, at), text(rule, "detectionValue").orElse(null)));
            case "microsoft.graph.win32LobAppFileSystemRule" -> DetectionRule.of(new Detection.File(
                    requiredText(rule, "path", at), requiredText(rule, "fileOrFolderName", at),
                    bool(rule, "check32BitOn64System", false, at),
                    mapped(rule, "operationType", FILE_TYPES, null, at),
                    mapped(rule, "operator", OPERATORS, 0, at), text(rule, "comparisonValue").orElse(null)));
            case "microsoft.graph.win32LobAppRegistryDetection" -> DetectionRule.of(new Detection.Registry(
                    requiredText(rule, "keyPath", at), text(rule, "valueName").orElse(null),
                    bool(rule, "check32BitOn64System", false, at),
                    mapped(rule, "detectionType", REGISTRY_TYPES, null, at),
                    mapped(rule, "operator", OPERATORS, 0, at), text(rule, "detectionValue").orElse(null)));
            case "microsoft.graph.win32LobAppRegistryRule" -> DetectionRule.of(new Detection.Registry(
                    requiredText(rule, "keyPath", at), text(rule, "valueName").orElse(null),
                    bool(rule, "check32BitOn64System", false, at),
                    mapped(rule, "operationType", REGISTRY_TYPES, null, at),
                    mapped(rule, "operator", OPERATORS, 0, at), text(rule, "comparisonValue").orElse(null)));
            case "microsoft.graph.win32LobAppProductCodeDetection", "microsoft.graph.win32LobAppProductCodeRule" ->
                    DetectionRule.of(new Detection.Msi(requiredText(rule, "productCode", at),
                            mapped(rule, "productVersionOperator", OPERATORS, 0, at),
                            text(rule, "productVersion").orElse(null)));
            case "microsoft.graph.win32LobAppPowerShellScriptDetection",
                 "microsoft.graph.win32LobAppPowerShellScriptRule" ->
                    DetectionRule.of(new Detection.Script(scripts.base64(rule, at),
                            bool(rule, "enforceSignatureCheck", false, at), bool(rule, "runAs32Bit", false, at)));
            default -> throw new LabDefinitionException(at, "@odata.type " + type + " is not a Win32 app detection rule");
        };
    }

    /** A requirement rule ({@code requirementRules[]} element, or a {@code rules[]} element of ruleType requirement). */
    ExtendedRequirementRule requirement(JsonNode rule, String at) throws LabDefinitionException {
        String type = odataType(rule, at);
        boolean newForm = type.endsWith("Rule");
        String kind = newForm ? "operationType" : "detectionType";
        String value = newForm ? "comparisonValue" : "detectionValue";
        return switch (type) {
            case "microsoft.graph.win32LobAppFileSystemRequirement", "microsoft.graph.win32LobAppFileSystemRule" ->
                    ExtendedRequirementRule.of(new RequirementText.File(requiredText(rule, "path", at),
                            requiredText(rule, "fileOrFolderName", at), bool(rule, "check32BitOn64System", false, at),
                            mapped(rule, kind, FILE_TYPES, null, at), mapped(rule, "operator", OPERATORS, 0, at),
                            text(rule, value).orElse(null)));
            case "microsoft.graph.win32LobAppRegistryRequirement", "microsoft.graph.win32LobAppRegistryRule" ->
                    ExtendedRequirementRule.of(new RequirementText.Registry(requiredText(rule, "keyPath", at),
                            text(rule, "valueName").orElse(null), bool(rule, "check32BitOn64System", false, at),
                            mapped(rule, kind, REGISTRY_TYPES, null, at), mapped(rule, "operator", OPERATORS, 0, at),
                            text(rule, value).orElse(null)));
            case "microsoft.graph.win32LobAppPowerShellScriptRequirement",
                 "microsoft.graph.win32LobAppPowerShellScriptRule" ->
                    ExtendedRequirementRule.of(new RequirementText.Script(scripts.base64(rule, at),
                            mapped(rule, "runAsAccount", RUN_AS, RunAs.SYSTEM.code(), at),
                            bool(rule, "runAs32Bit", false, at), bool(rule, "enforceSignatureCheck", false, at),
                            mapped(rule, kind, SCRIPT_OUTPUT_TYPES, null, at), mapped(rule, "operator", OPERATORS, 0, at),
                            text(rule, value).orElse(null)));
            default -> throw new LabDefinitionException(at, "@odata.type " + type + " is not a Win32 app requirement rule");
        };
    }

    /** Splits Graph's newer {@code rules[]} by {@code ruleType}. */
    static boolean isDetection(JsonNode rule, String at) throws LabDefinitionException {
        String ruleType = text(rule, "ruleType").orElseThrow(() ->
                new LabDefinitionException(at + ".ruleType", "is required (detection or requirement)"));
        return switch (ruleType) {
            case "detection" -> true;
            case "requirement" -> false;
            default -> throw new LabDefinitionException(at + ".ruleType", "\"" + ruleType
                    + "\" is not detection or requirement");
        };
    }

    static Map<String, Integer> ordered(Object... pairs) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    static List<String> names(Map<String, Integer> m) {
        return List.copyOf(m.keySet());
    }
}
