package org.imelab.gateway.protocol.win32;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imelab.gateway.protocol.JsonInString;

/**
 * One Win32 app policy, an element of the "Get policies" array the service returns for
 * {@code RequestApplication} (ime-behaviour.md C §3.5). Field names, order and quirks are the
 * real service's, so a real policy is written back byte for byte:
 * <ul>
 * <li>{@code DetectionRule}, {@code RequirementRules}, {@code ExtendedRequirementRules},
 *     {@code InstallEx}, {@code ReturnCodes} and {@code Scripts} are JSON serialised into
 *     strings (typed here through {@link JsonInString});</li>
 * <li>{@code RebootEx}, {@code StartDeadlineEx} and {@code FlatDependencies} are real objects;</li>
 * <li>dates are {@code \/Date(ms)\/};</li>
 * <li>the misspellings {@code AppApplicabilityStateDueToAssginmentFilters} and
 *     {@code MinimumWindows10BuildNumer} are the schema (the older {@code FlatDepedencies} is read
 *     as {@code FlatDependencies}).</li>
 * </ul>
 * Numbers that are codes stay numbers ({@link #intent()}), with typed views ({@link #intentKind()})
 * so that a value we do not know is echoed rather than lost. Fields the service adds that we do
 * not know are kept in {@link #unknownFields()} and written after the known ones.
 *
 * <p>Use {@link Win32AppPolicyParser} to read a policy array: it rejects a malformed policy alone.
 */
@JsonPropertyOrder({"Id", "Name", "Version", "Intent", "TargetType", "AppApplicabilityStateDueToAssginmentFilters",
    "AssignmentFilterIds", "DetectionRule", "InstallCommandLine", "UninstallCommandLine", "RequirementRules",
    "ExtendedRequirementRules", "InstallEx", "ReturnCodes", "AvailableAppEnforcement", "SetUpFilePath",
    "ToastState", "Targeted", "FlatDependencies", "MetadataVersion", "RelationVersion", "RebootEx",
    "InstallBehavior", "StartDeadlineEx", "RemoveUserData", "DOPriority", "newFlatDependencies",
    "AssignmentFilterIdToEvalStateMap", "ContentCacheDuration", "ESPConfiguration", "ReevaluationInterval",
    "SupportState", "InstallContext", "InstallerData", "AvailableAppRequestType", "ContentMode", "Scripts"})
public record Win32AppPolicy(
        @JsonProperty("Id") String id,
        @JsonProperty("Name") String name,
        @JsonProperty("Version") Integer version,
        @JsonProperty("Intent") Integer intent,
        @JsonProperty("TargetType") Integer targetType,
        @JsonProperty("AppApplicabilityStateDueToAssginmentFilters") Integer applicabilityDueToAssignmentFilters,
        @JsonProperty("AssignmentFilterIds") List<String> assignmentFilterIds,
        @JsonProperty("DetectionRule")
        @JsonSerialize(using = JsonInString.Writer.class) @JsonDeserialize(using = JsonInString.Reader.class)
        List<DetectionRule> detectionRules,
        @JsonProperty("InstallCommandLine") String installCommandLine,
        @JsonProperty("UninstallCommandLine") String uninstallCommandLine,
        @JsonProperty("RequirementRules")
        @JsonSerialize(using = JsonInString.Writer.class) @JsonDeserialize(using = JsonInString.Reader.class)
        RequirementRules requirementRules,
        @JsonProperty("ExtendedRequirementRules")
        @JsonSerialize(using = JsonInString.Writer.class) @JsonDeserialize(using = JsonInString.Reader.class)
        List<ExtendedRequirementRule> extendedRequirementRules,
        @JsonProperty("InstallEx")
        @JsonSerialize(using = JsonInString.Writer.class) @JsonDeserialize(using = JsonInString.Reader.class)
        InstallEx installEx,
        @JsonProperty("ReturnCodes")
        @JsonSerialize(using = JsonInString.Writer.class) @JsonDeserialize(using = JsonInString.Reader.class)
        List<ReturnCode> returnCodes,
        @JsonProperty("AvailableAppEnforcement") Integer availableAppEnforcement,
        @JsonProperty("SetUpFilePath") String setUpFilePath,
        @JsonProperty("ToastState") Integer toastState,
        @JsonProperty("Targeted") Integer targeted,
        @JsonProperty("FlatDependencies") @JsonAlias("FlatDepedencies") List<FlatDependency> flatDependencies,
        @JsonProperty("MetadataVersion") Integer metadataVersion,
        @JsonProperty("RelationVersion") Integer relationVersion,
        @JsonProperty("RebootEx") RebootEx rebootEx,
        @JsonProperty("InstallBehavior") Integer installBehavior,
        @JsonProperty("StartDeadlineEx") StartDeadlineEx startDeadlineEx,
        @JsonProperty("RemoveUserData") Boolean removeUserData,
        @JsonProperty("DOPriority") Integer doPriority,
        @JsonProperty("newFlatDependencies") Boolean newFlatDependencies,
        @JsonProperty("AssignmentFilterIdToEvalStateMap") JsonNode assignmentFilterIdToEvalStateMap,
        @JsonProperty("ContentCacheDuration") JsonNode contentCacheDuration,
        @JsonProperty("ESPConfiguration") JsonNode espConfiguration,
        @JsonProperty("ReevaluationInterval") Integer reevaluationInterval,
        @JsonProperty("SupportState") JsonNode supportState,
        @JsonProperty("InstallContext") Integer installContext,
        @JsonProperty("InstallerData") JsonNode installerData,
        @JsonProperty("AvailableAppRequestType") Integer availableAppRequestType,
        @JsonProperty("ContentMode") Integer contentMode,
        @JsonProperty("Scripts")
        @JsonSerialize(using = JsonInString.Writer.class) @JsonDeserialize(using = JsonInString.Reader.class)
        List<InstallerScript> scripts,
        @JsonIgnore Map<String, JsonNode> extensions) {

    /** Re-evaluation of installed / not-applicable apps when the policy does not say: 480 minutes (8 h). */
    public static final int DEFAULT_REEVALUATION_MINUTES = 480;

    public Win32AppPolicy {
        assignmentFilterIds = copy(assignmentFilterIds);
        detectionRules = copy(detectionRules);
        extendedRequirementRules = copy(extendedRequirementRules);
        returnCodes = copy(returnCodes);
        flatDependencies = copy(flatDependencies);
        scripts = copy(scripts);
        assignmentFilterIdToEvalStateMap = orNull(assignmentFilterIdToEvalStateMap);
        contentCacheDuration = orNull(contentCacheDuration);
        espConfiguration = orNull(espConfiguration);
        supportState = orNull(supportState);
        installerData = orNull(installerData);
        extensions = extensions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /** JSON null and absent are the same to us; keeping one form makes equal policies equal. */
    private static JsonNode orNull(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    private static <T> List<T> copy(List<T> list) {
        // keep null (the wire's "null"), and allow null elements to surface in validation rather than here
        return list == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(list));
    }

    /** Fields the service sent that this record does not know, in their order; written after the known ones. */
    @JsonAnyGetter
    public Map<String, JsonNode> unknownFields() {
        return extensions;
    }

    /** The same policy carrying these unknown fields. */
    public Win32AppPolicy withExtensions(Map<String, JsonNode> unknown) {
        return toBuilder().extensions(unknown).build();
    }

    /** {@code {Id}_{Version}}: the app key name under {@code Win32Apps\{scope}} and the IMECache folder. */
    @JsonIgnore
    public String keyName() {
        return id + "_" + version;
    }

    @JsonIgnore
    public Optional<Intent> intentKind() {
        return intent == null ? Optional.empty() : Intent.of(intent);
    }

    @JsonIgnore
    public Optional<TargetType> targetTypeKind() {
        return targetType == null ? Optional.empty() : TargetType.of(targetType);
    }

    /** The return code table, the portal's defaults when the policy has none. */
    @JsonIgnore
    public List<ReturnCode> returnCodesOrDefault() {
        return returnCodes == null || returnCodes.isEmpty() ? ReturnCode.DEFAULTS : returnCodes;
    }

    /** What an exit code means under this policy; an unknown code is a failure. */
    public ReturnCodeType meaningOf(int exitCode) {
        for (ReturnCode rc : returnCodesOrDefault()) {
            if (rc.returnCode() == exitCode) {
                return rc.kind().orElse(ReturnCodeType.FAILED);
            }
        }
        return ReturnCodeType.FAILED;
    }

    @JsonIgnore
    public int reevaluationMinutesOrDefault() {
        return reevaluationInterval == null || reevaluationInterval <= 0
                ? DEFAULT_REEVALUATION_MINUTES : reevaluationInterval;
    }

    /** The dependency edges whose parent is this app (the service lists edges of the whole subgraph). */
    @JsonIgnore
    public List<FlatDependency> dependencies() {
        return flatDependencies == null ? List.of()
                : flatDependencies.stream().filter(d -> id != null && id.equalsIgnoreCase(d.appId())).toList();
    }

    /** WinGet / "new Store" apps carry {@code InstallerData}; that is how tools tell them from Win32 apps. */
    @JsonIgnore
    public boolean isWinGetApp() {
        return installerData != null && !installerData.isNull();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * A builder whose defaults are what the service sends for an ordinary required Win32 app
     * (the values of the real sample, C §3.5), so converters only set what they know.
     */
    public static Builder builder(String id, String name, int version) {
        return new Builder(id, name, version);
    }

    /** Mutable builder, see {@link #builder(String, String, int)}. */
    public static final class Builder {
        private String id;
        private String name;
        private Integer version;
        private Integer intent = Intent.REQUIRED.code();
        private Integer targetType = TargetType.DEVICE.code();
        private Integer applicabilityDueToAssignmentFilters;
        private List<String> assignmentFilterIds;
        private List<DetectionRule> detectionRules = List.of();
        private String installCommandLine;
        private String uninstallCommandLine;
        private RequirementRules requirementRules;
        private List<ExtendedRequirementRule> extendedRequirementRules = List.of();
        private InstallEx installEx = new InstallEx(RunAs.SYSTEM.code(), true, 3, InstallEx.DEFAULT_MAX_RETRIES,
                InstallEx.DEFAULT_RETRY_INTERVAL_MINUTES, InstallEx.DEFAULT_MAX_RUN_TIME_MINUTES,
                DeviceRestartBehavior.BASED_ON_RETURN_CODE.code());
        private List<ReturnCode> returnCodes = ReturnCode.DEFAULTS;
        private Integer availableAppEnforcement = 0;
        private String setUpFilePath;
        private Integer toastState = 0;
        private Integer targeted = 1;
        private List<FlatDependency> flatDependencies;
        private Integer metadataVersion = 1;
        private Integer relationVersion = 0;
        private RebootEx rebootEx = RebootEx.NOT_SET;
        private Integer installBehavior = 0;
        private StartDeadlineEx startDeadlineEx = StartDeadlineEx.NONE;
        private Boolean removeUserData = false;
        private Integer doPriority = 1;
        private Boolean newFlatDependencies = true;
        private JsonNode assignmentFilterIdToEvalStateMap;
        private JsonNode contentCacheDuration;
        private JsonNode espConfiguration;
        private Integer reevaluationInterval = DEFAULT_REEVALUATION_MINUTES;
        private JsonNode supportState;
        private Integer installContext = 1;
        private JsonNode installerData;
        private Integer availableAppRequestType = 0;
        private Integer contentMode = 1;
        private List<InstallerScript> scripts;
        private Map<String, JsonNode> extensions = Map.of();

        private Builder(String id, String name, int version) {
            this.id = id;
            this.name = name;
            this.version = version;
        }

        private Builder(Win32AppPolicy p) {
            id = p.id; name = p.name; version = p.version; intent = p.intent; targetType = p.targetType;
            applicabilityDueToAssignmentFilters = p.applicabilityDueToAssignmentFilters;
            assignmentFilterIds = p.assignmentFilterIds; detectionRules = p.detectionRules;
            installCommandLine = p.installCommandLine; uninstallCommandLine = p.uninstallCommandLine;
            requirementRules = p.requirementRules; extendedRequirementRules = p.extendedRequirementRules;
            installEx = p.installEx; returnCodes = p.returnCodes; availableAppEnforcement = p.availableAppEnforcement;
            setUpFilePath = p.setUpFilePath; toastState = p.toastState; targeted = p.targeted;
            flatDependencies = p.flatDependencies; metadataVersion = p.metadataVersion;
            relationVersion = p.relationVersion; rebootEx = p.rebootEx; installBehavior = p.installBehavior;
            startDeadlineEx = p.startDeadlineEx; removeUserData = p.removeUserData; doPriority = p.doPriority;
            newFlatDependencies = p.newFlatDependencies;
            assignmentFilterIdToEvalStateMap = p.assignmentFilterIdToEvalStateMap;
            contentCacheDuration = p.contentCacheDuration; espConfiguration = p.espConfiguration;
            reevaluationInterval = p.reevaluationInterval; supportState = p.supportState;
            installContext = p.installContext; installerData = p.installerData;
            availableAppRequestType = p.availableAppRequestType; contentMode = p.contentMode; scripts = p.scripts;
            extensions = p.extensions;
        }

        public Builder id(String v) { id = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder version(Integer v) { version = v; return this; }
        public Builder intent(Intent v) { intent = v.code(); return this; }
        public Builder targetType(TargetType v) { targetType = v.code(); return this; }
        public Builder applicabilityDueToAssignmentFilters(Integer v) { applicabilityDueToAssignmentFilters = v; return this; }
        public Builder assignmentFilterIds(List<String> v) { assignmentFilterIds = v; return this; }
        public Builder detectionRules(List<DetectionRule> v) { detectionRules = v; return this; }
        public Builder installCommandLine(String v) { installCommandLine = v; return this; }
        public Builder uninstallCommandLine(String v) { uninstallCommandLine = v; return this; }
        public Builder requirementRules(RequirementRules v) { requirementRules = v; return this; }
        public Builder extendedRequirementRules(List<ExtendedRequirementRule> v) { extendedRequirementRules = v; return this; }
        public Builder installEx(InstallEx v) { installEx = v; return this; }
        public Builder returnCodes(List<ReturnCode> v) { returnCodes = v; return this; }
        public Builder availableAppEnforcement(Integer v) { availableAppEnforcement = v; return this; }
        public Builder setUpFilePath(String v) { setUpFilePath = v; return this; }
        public Builder toastState(Integer v) { toastState = v; return this; }
        public Builder targeted(Integer v) { targeted = v; return this; }
        public Builder flatDependencies(List<FlatDependency> v) { flatDependencies = v; return this; }
        public Builder metadataVersion(Integer v) { metadataVersion = v; return this; }
        public Builder relationVersion(Integer v) { relationVersion = v; return this; }
        public Builder rebootEx(RebootEx v) { rebootEx = v; return this; }
        public Builder installBehavior(Integer v) { installBehavior = v; return this; }
        public Builder startDeadlineEx(StartDeadlineEx v) { startDeadlineEx = v; return this; }
        public Builder removeUserData(Boolean v) { removeUserData = v; return this; }
        public Builder doPriority(Integer v) { doPriority = v; return this; }
        public Builder newFlatDependencies(Boolean v) { newFlatDependencies = v; return this; }
        public Builder reevaluationInterval(Integer v) { reevaluationInterval = v; return this; }
        public Builder installContext(Integer v) { installContext = v; return this; }
        public Builder installerData(JsonNode v) { installerData = v; return this; }
        public Builder availableAppRequestType(Integer v) { availableAppRequestType = v; return this; }
        public Builder contentMode(Integer v) { contentMode = v; return this; }
        public Builder scripts(List<InstallerScript> v) { scripts = v; return this; }
        public Builder extensions(Map<String, JsonNode> v) { extensions = v; return this; }

        public Win32AppPolicy build() {
            return new Win32AppPolicy(id, name, version, intent, targetType, applicabilityDueToAssignmentFilters,
                    assignmentFilterIds, detectionRules, installCommandLine, uninstallCommandLine,
                    requirementRules, extendedRequirementRules, installEx, returnCodes, availableAppEnforcement,
                    setUpFilePath, toastState, targeted, flatDependencies, metadataVersion, relationVersion,
                    rebootEx, installBehavior, startDeadlineEx, removeUserData, doPriority, newFlatDependencies,
                    assignmentFilterIdToEvalStateMap, contentCacheDuration, espConfiguration,
                    reevaluationInterval, supportState, installContext, installerData, availableAppRequestType,
                    contentMode, scripts, extensions);
        }
    }
}
