package org.imelab.gateway.protocol.win32;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Optional;

/**
 * The {@code DetectionText} of a detection rule (JSON inside a string inside the
 * {@code DetectionRule} string: the third level of nesting). Which record applies is given by the
 * rule's {@code DetectionType} (C §3.5). Field names are [C] from public tools; the field order
 * of the file rule is the real sample's, the others follow it [I].
 */
public sealed interface Detection {

    /** The {@code DetectionType} of the rule that carries this text. */
    DetectionType ruleType();

    /** File or folder rule ({@code DetectionType} 2). */
    @JsonPropertyOrder({"Path", "FileOrFolderName", "Check32BitOn64System", "DetectionType", "Operator",
        "DetectionValue"})
    @JsonIgnoreProperties(ignoreUnknown = true)
    record File(
            @JsonProperty("Path") String path,
            @JsonProperty("FileOrFolderName") String fileOrFolderName,
            @JsonProperty("Check32BitOn64System") Boolean check32BitOn64System,
            @JsonProperty(value = "DetectionType", required = true) int detectionType,
            @JsonProperty("Operator") Integer operator,
            @JsonProperty("DetectionValue") String detectionValue) implements Detection, FileRuleText {
        @Override
        public DetectionType ruleType() {
            return DetectionType.FILE;
        }

        @Override
        public int typeCode() {
            return detectionType;
        }

        @Override
        public String comparand() {
            return detectionValue;
        }
    }

    /** Registry rule ({@code DetectionType} 0). */
    @JsonPropertyOrder({"KeyPath", "ValueName", "Check32BitOn64System", "DetectionType", "Operator",
        "DetectionValue"})
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Registry(
            @JsonProperty("KeyPath") String keyPath,
            @JsonProperty("ValueName") String valueName,
            @JsonProperty("Check32BitOn64System") Boolean check32BitOn64System,
            @JsonProperty(value = "DetectionType", required = true) int detectionType,
            @JsonProperty("Operator") Integer operator,
            @JsonProperty("DetectionValue") String detectionValue) implements Detection, RegistryRuleText {
        @Override
        public DetectionType ruleType() {
            return DetectionType.REGISTRY;
        }

        @Override
        public int typeCode() {
            return detectionType;
        }

        @Override
        public String comparand() {
            return detectionValue;
        }
    }

    /** MSI product code rule ({@code DetectionType} 1); version and operator optional. */
    @JsonPropertyOrder({"ProductCode", "ProductVersionOperator", "ProductVersion"})
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Msi(
            @JsonProperty("ProductCode") String productCode,
            @JsonProperty("ProductVersionOperator") Integer productVersionOperator,
            @JsonProperty("ProductVersion") String productVersion) implements Detection {
        @Override
        public DetectionType ruleType() {
            return DetectionType.MSI;
        }

        public Optional<Operator> operatorKind() {
            return Operator.ofNullable(productVersionOperator);
        }
    }

    /** Custom script rule ({@code DetectionType} 3): Base64 of the script's UTF-8 text. */
    @JsonPropertyOrder({"ScriptBody", "EnforceSignatureCheck", "RunAs32Bit"})
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Script(
            @JsonProperty("ScriptBody") String scriptBody,
            @JsonProperty("EnforceSignatureCheck") Boolean enforceSignatureCheck,
            @JsonProperty("RunAs32Bit") Boolean runAs32Bit) implements Detection, ScriptRuleText {
        @Override
        public DetectionType ruleType() {
            return DetectionType.SCRIPT;
        }

        public static Script of(String scriptText, boolean enforceSignatureCheck, boolean runAs32Bit) {
            return new Script(ScriptRuleText.encode(scriptText), enforceSignatureCheck, runAs32Bit);
        }
    }

    /** The record class for a rule's {@code DetectionType}. */
    static Class<? extends Detection> classFor(DetectionType type) {
        return switch (type) {
            case FILE -> File.class;
            case REGISTRY -> Registry.class;
            case MSI -> Msi.class;
            case SCRIPT -> Script.class;
        };
    }
}
