package org.imelab.gateway.protocol.win32;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The {@code RequirementText} of an extended requirement rule (JSON inside a string inside the
 * {@code ExtendedRequirementRules} string). Field names after the public tools that read it
 * ([S] ztrhgf Get-IntuneLogWin32AppData: {@code Type}, {@code Operator}, {@code Value},
 * {@code Check32BitOn64System}, {@code ScriptBody}, {@code RunAsAccount}, {@code RunAs32Bit},
 * {@code EnforceSignatureCheck}); path and key names as in detection rules; order [I].
 */
public sealed interface RequirementText {

    DetectionType ruleType();

    /** File or folder requirement (rule {@code Type} 2); {@code Type} here is a {@link FileDetectionType}. */
    @JsonPropertyOrder({"Path", "FileOrFolderName", "Check32BitOn64System", "Type", "Operator", "Value"})
    @JsonIgnoreProperties(ignoreUnknown = true)
    record File(
            @JsonProperty("Path") String path,
            @JsonProperty("FileOrFolderName") String fileOrFolderName,
            @JsonProperty("Check32BitOn64System") Boolean check32BitOn64System,
            @JsonProperty(value = "Type", required = true) int type,
            @JsonProperty("Operator") Integer operator,
            @JsonProperty("Value") String value) implements RequirementText, FileRuleText {
        @Override
        public DetectionType ruleType() {
            return DetectionType.FILE;
        }

        @Override
        public int typeCode() {
            return type;
        }

        @Override
        public String comparand() {
            return value;
        }
    }

    /** Registry requirement (rule {@code Type} 0); {@code Type} here is a {@link RegistryDetectionType}. */
    @JsonPropertyOrder({"KeyPath", "ValueName", "Check32BitOn64System", "Type", "Operator", "Value"})
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Registry(
            @JsonProperty("KeyPath") String keyPath,
            @JsonProperty("ValueName") String valueName,
            @JsonProperty("Check32BitOn64System") Boolean check32BitOn64System,
            @JsonProperty(value = "Type", required = true) int type,
            @JsonProperty("Operator") Integer operator,
            @JsonProperty("Value") String value) implements RequirementText, RegistryRuleText {
        @Override
        public DetectionType ruleType() {
            return DetectionType.REGISTRY;
        }

        @Override
        public int typeCode() {
            return type;
        }

        @Override
        public String comparand() {
            return value;
        }
    }

    /**
     * Script requirement (rule {@code Type} 3): the script's output, read as {@code Type}
     * ({@link ScriptOutputType}), compared with {@code Value}; {@code RunAsAccount} 1 system, 2 user.
     */
    @JsonPropertyOrder({"ScriptBody", "RunAsAccount", "RunAs32Bit", "EnforceSignatureCheck", "Type", "Operator",
        "Value"})
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Script(
            @JsonProperty("ScriptBody") String scriptBody,
            @JsonProperty("RunAsAccount") Integer runAsAccount,
            @JsonProperty("RunAs32Bit") Boolean runAs32Bit,
            @JsonProperty("EnforceSignatureCheck") Boolean enforceSignatureCheck,
            @JsonProperty(value = "Type", required = true) int type,
            @JsonProperty("Operator") Integer operator,
            @JsonProperty("Value") String value) implements RequirementText, ScriptRuleText {
        @Override
        public DetectionType ruleType() {
            return DetectionType.SCRIPT;
        }
    }

    static Class<? extends RequirementText> classFor(DetectionType type) {
        return switch (type) {
            case FILE -> File.class;
            case REGISTRY -> Registry.class;
            case SCRIPT -> Script.class;
            case MSI -> throw new IllegalArgumentException("there is no MSI requirement rule (Type 1)");
        };
    }
}
