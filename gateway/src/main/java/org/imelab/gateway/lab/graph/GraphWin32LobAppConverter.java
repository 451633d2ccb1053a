package org.imelab.gateway.lab.graph;

import static org.imelab.gateway.lab.graph.GraphJson.bool;
import static org.imelab.gateway.lab.graph.GraphJson.mapped;
import static org.imelab.gateway.lab.graph.GraphJson.odataType;
import static org.imelab.gateway.lab.graph.GraphJson.optionalInt;
import static org.imelab.gateway.lab.graph.GraphJson.requiredText;
import static org.imelab.gateway.lab.graph.GraphJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imelab.gateway.lab.LabAssignment;
import org.imelab.gateway.lab.LabDefinitionException;
import org.imelab.gateway.lab.LabTarget;
import org.imelab.gateway.protocol.DotNetDate;
import org.imelab.gateway.protocol.win32.DependencyAction;
import org.imelab.gateway.protocol.win32.DetectionRule;
import org.imelab.gateway.protocol.win32.DeviceRestartBehavior;
import org.imelab.gateway.protocol.win32.ExtendedRequirementRule;
import org.imelab.gateway.protocol.win32.InstallEx;
import org.imelab.gateway.protocol.win32.Intent;
import org.imelab.gateway.protocol.win32.RebootEx;
import org.imelab.gateway.protocol.win32.RequirementRules;
import org.imelab.gateway.protocol.win32.ReturnCode;
import org.imelab.gateway.protocol.win32.ReturnCodeType;
import org.imelab.gateway.protocol.win32.StartDeadlineEx;
import org.imelab.gateway.protocol.win32.Win32AppPolicy;

/**
 * Converts a Microsoft Graph {@code #microsoft.graph.win32LobApp}, as admins export it from their
 * tenant ({@code GET /deviceAppManagement/mobileApps/{id}?$expand=assignments,relationships}), into
 * the SideCar policy form. Mappings whose SideCar side is not public are imelab's choice and are
 * listed in gateway/PROTOCOL.md (restart behaviour, architectures, toast and DO priority).
 */
public final class GraphWin32LobAppConverter {
    static final Map<String, Integer> RETURN_CODE_TYPES = GraphRuleConverter.ordered(
            "failed", ReturnCodeType.FAILED.code(), "success", ReturnCodeType.SUCCESS.code(),
            "softReboot", ReturnCodeType.SOFT_REBOOT.code(), "hardReboot", ReturnCodeType.HARD_REBOOT.code(),
            "retry", ReturnCodeType.RETRY.code());
    static final Map<String, Integer> RESTART = GraphRuleConverter.ordered(
            "basedOnReturnCode", DeviceRestartBehavior.BASED_ON_RETURN_CODE.code(),
            "allow", DeviceRestartBehavior.ALLOW.code(), "suppress", DeviceRestartBehavior.SUPPRESS.code(),
            "force", DeviceRestartBehavior.FORCE.code());
    static final Map<String, Integer> INTENTS = GraphRuleConverter.ordered(
            "required", Intent.REQUIRED.code(), "available", Intent.AVAILABLE.code(),
            "availableWithoutEnrollment", Intent.AVAILABLE.code(), "uninstall", Intent.UNINSTALL.code());
    static final Map<String, Integer> TOASTS = GraphRuleConverter.ordered("showAll", 0, "showReboot", 1, "hideAll", 2);
    static final Map<String, Integer> DO_PRIORITIES = GraphRuleConverter.ordered("notConfigured", 1, "foreground", 0);
    /** Windows 10 feature releases to build numbers, for {@code minimumSupportedOperatingSystem}. */
    static final Map<String, String> WINDOWS_BUILDS = Map.ofEntries(
            Map.entry("v10_0", "10.0.10240"), Map.entry("v10_1607", "10.0.14393"), Map.entry("v10_1703", "10.0.15063"),
            Map.entry("v10_1709", "10.0.16299"), Map.entry("v10_1803", "10.0.17134"), Map.entry("v10_1809", "10.0.17763"),
            Map.entry("v10_1903", "10.0.18362"), Map.entry("v10_1909", "10.0.18363"), Map.entry("v10_2004", "10.0.19041"),
            Map.entry("v10_2H20", "10.0.19042"), Map.entry("v10_21H1", "10.0.19043"), Map.entry("v10_21H2", "10.0.19044"),
            Map.entry("v10_22H2", "10.0.19045"));

    private final GraphRuleConverter rules;

    public GraphWin32LobAppConverter(ScriptBodies scripts) {
        this.rules = new GraphRuleConverter(scripts);
    }

    public GraphWin32LobApp convert(JsonNode app, String at) throws LabDefinitionException {
        if (app == null || !app.isObject()) {
            throw new LabDefinitionException(at, "must be a Graph win32LobApp object");
        }
        String type = text(app, "@odata.type").map(t -> t.startsWith("#") ? t.substring(1) : t)
                .orElse("microsoft.graph.win32LobApp");
        if (!type.equals("microsoft.graph.win32LobApp")) {
            throw new LabDefinitionException(at + ".@odata.type", type + " is not microsoft.graph.win32LobApp");
        }
        String id = requiredText(app, "id", at).toLowerCase(Locale.ROOT);
        Win32AppPolicy.Builder b = Win32AppPolicy.builder(id, requiredText(app, "displayName", at), version(app, at));
        b.installCommandLine(requiredText(app, "installCommandLine", at));
        b.uninstallCommandLine(text(app, "uninstallCommandLine").orElse(null));
        b.setUpFilePath(text(app, "setupFilePath").orElse(null));
        b.installEx(installEx(app.get("installExperience"), at + ".installExperience"));
        b.returnCodes(returnCodes(app.get("returnCodes"), at + ".returnCodes"));
        b.requirementRules(requirementRules(app, at));

        List<DetectionRule> detections = new ArrayList<>();
        List<ExtendedRequirementRule> requirements = new ArrayList<>();
        JsonNode detectionRules = app.get("detectionRules");
        for (int i = 0; detectionRules != null && i < detectionRules.size(); i++) {
            detections.add(rules.detection(detectionRules.get(i), at + ".detectionRules[" + i + "]"));
        }
        JsonNode requirementRules = app.get("requirementRules");
        for (int i = 0; requirementRules != null && i < requirementRules.size(); i++) {
            requirements.add(rules.requirement(requirementRules.get(i), at + ".requirementRules[" + i + "]"));
        }
        JsonNode newRules = app.get("rules");
        for (int i = 0; newRules != null && i < newRules.size(); i++) {
            String ruleAt = at + ".rules[" + i + "]";
            if (GraphRuleConverter.isDetection(newRules.get(i), ruleAt)) {
                detections.add(rules.detection(newRules.get(i), ruleAt));
            } else {
                requirements.add(rules.requirement(newRules.get(i), ruleAt));
            }
        }
        if (detections.isEmpty()) {
            throw new LabDefinitionException(at, "has no detection rule (detectionRules or rules with ruleType detection)");
        }
        b.detectionRules(detections).extendedRequirementRules(requirements);
        return new GraphWin32LobApp(b.build(), assignments(app.get("assignments"), at + ".assignments"),
                relationships(app.get("relationships"), at + ".relationships"));
    }

    private static int version(JsonNode app, String at) throws LabDefinitionException {
        String v = text(app, "committedContentVersion").orElse("1");
        try {
            int n = Integer.parseInt(v.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new LabDefinitionException(at + ".committedContentVersion", "\"" + v + "\" is not a content version number");
        }
    }

    private static InstallEx installEx(JsonNode x, String at) throws LabDefinitionException {
        if (x == null || x.isNull()) {
            return new InstallEx(1, true, 3, InstallEx.DEFAULT_MAX_RETRIES, InstallEx.DEFAULT_RETRY_INTERVAL_MINUTES,
                    InstallEx.DEFAULT_MAX_RUN_TIME_MINUTES, DeviceRestartBehavior.BASED_ON_RETURN_CODE.code());
        }
        Integer maxRun = optionalInt(x, "maxRunTimeInMinutes", at);
        return new InstallEx(mapped(x, "runAsAccount", GraphRuleConverter.RUN_AS, 1, at), true, 3,
                InstallEx.DEFAULT_MAX_RETRIES, InstallEx.DEFAULT_RETRY_INTERVAL_MINUTES,
                maxRun == null ? InstallEx.DEFAULT_MAX_RUN_TIME_MINUTES : maxRun,
                mapped(x, "deviceRestartBehavior", RESTART, DeviceRestartBehavior.BASED_ON_RETURN_CODE.code(), at));
    }

    private static List<ReturnCode> returnCodes(JsonNode codes, String at) throws LabDefinitionException {
        if (codes == null || codes.isNull() || codes.isEmpty()) {
            return ReturnCode.DEFAULTS;
        }
        List<ReturnCode> out = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String itemAt = at + "[" + i + "]";
            Integer code = optionalInt(codes.get(i), "returnCode", itemAt);
            if (code == null) {
                throw new LabDefinitionException(itemAt + ".returnCode", "is required");
            }
            out.add(new ReturnCode(code, mapped(codes.get(i), "type", RETURN_CODE_TYPES, null, itemAt)));
        }
        return out;
    }

    private static RequirementRules requirementRules(JsonNode app, String at) throws LabDefinitionException {
        return new RequirementRules(architecture(app, at), optionalInt(app, "minimumFreeDiskSpaceInMB", at),
                minimumBuild(app, at), optionalInt(app, "minimumMemoryInMB", at),
                optionalInt(app, "minimumNumberOfProcessors", at), optionalInt(app, "minimumCpuSpeedInMHz", at),
                false);
    }

    /** 1 x86, 2 x64, 3 both (the mapping public tools use; the service's newer 32 for x64 is echoed when given). */
    private static Integer architecture(JsonNode app, String at) throws LabDefinitionException {
        String list = text(app, "allowedArchitectures").or(() -> text(app, "applicableArchitectures")).orElse("");
        int code = 0;
        for (String a : list.split(",")) {
            switch (a.strip()) {
                case "x86" -> code |= 1;
                case "x64" -> code |= 2;
                case "", "none", "neutral" -> { }
                default -> throw new LabDefinitionException(at + ".applicableArchitectures",
                        "\"" + a.strip() + "\" is not x86, x64 or neutral");
            }
        }
        return code == 0 ? null : code;
    }

    private static String minimumBuild(JsonNode app, String at) throws LabDefinitionException {
        JsonNode os = app.get("minimumSupportedOperatingSystem");
        if (os == null || os.isNull()) {
            return null;
        }
        String best = null;
        for (var it = os.fields(); it.hasNext(); ) {
            var f = it.next();
            if (f.getKey().startsWith("@") || !f.getValue().asBoolean(false)) {
                continue;
            }
            String build = WINDOWS_BUILDS.get(f.getKey());
            if (build == null) {
                throw new LabDefinitionException(at + ".minimumSupportedOperatingSystem." + f.getKey(),
                        "is not a Windows 10/11 release imelab knows");
            }
            best = build;
        }
        return best;
    }

    private static List<LabAssignment> assignments(JsonNode list, String at) throws LabDefinitionException {
        List<LabAssignment> out = new ArrayList<>();
        for (int i = 0; list != null && i < list.size(); i++) {
            JsonNode a = list.get(i);
            String itemAt = at + "[" + i + "]";
            JsonNode target = a.get("target");
            if (target == null || !target.isObject()) {
                throw new LabDefinitionException(itemAt + ".target", "is required");
            }
            String targetType = odataType(target, itemAt + ".target");
            LabTarget t;
            boolean exclude = false;
            switch (targetType) {
                case "microsoft.graph.allDevicesAssignmentTarget" -> t = new LabTarget.AllDevices();
                case "microsoft.graph.allLicensedUsersAssignmentTarget" -> t = new LabTarget.AllUsers();
                case "microsoft.graph.groupAssignmentTarget" ->
                        t = new LabTarget.Group(requiredText(target, "groupId", itemAt + ".target").toLowerCase(Locale.ROOT));
                case "microsoft.graph.exclusionGroupAssignmentTarget" -> {
                    t = new LabTarget.Group(requiredText(target, "groupId", itemAt + ".target").toLowerCase(Locale.ROOT));
                    exclude = true;
                }
                default -> throw new LabDefinitionException(itemAt + ".target", targetType + " is not a known assignment target");
            }
            Intent intent = Intent.of(mapped(a, "intent", INTENTS, null, itemAt)).orElseThrow();
            JsonNode settings = a.get("settings");
            StartDeadlineEx schedule = null;
            RebootEx reboot = null;
            Integer toast = null;
            Integer doPriority = null;
            if (settings != null && !settings.isNull()) {
                String sAt = itemAt + ".settings";
                schedule = installTime(settings.get("installTimeSettings"), sAt + ".installTimeSettings");
                reboot = restart(settings.get("restartSettings"), sAt + ".restartSettings");
                toast = settings.hasNonNull("notifications") ? mapped(settings, "notifications", TOASTS, null, sAt) : null;
                doPriority = settings.hasNonNull("deliveryOptimizationPriority")
                        ? mapped(settings, "deliveryOptimizationPriority", DO_PRIORITIES, null, sAt) : null;
            }
            out.add(new LabAssignment(intent, t, exclude, schedule, reboot, toast, doPriority));
        }
        return out;
    }

    private static StartDeadlineEx installTime(JsonNode s, String at) throws LabDefinitionException {
        if (s == null || s.isNull()) {
            return null;
        }
        boolean local = bool(s, "useLocalTime", false, at);
        DotNetDate start = dateTime(s, "startDateTime", at);
        DotNetDate deadline = dateTime(s, "deadlineDateTime", at);
        return new StartDeadlineEx(local ? StartDeadlineEx.LOCAL_TIME : "", start, deadline);
    }

    private static DotNetDate dateTime(JsonNode s, String field, String at) throws LabDefinitionException {
        String v = text(s, field).orElse(null);
        if (v == null) {
            return DotNetDate.MIN_VALUE;
        }
        try {
            return DotNetDate.of(OffsetDateTime.parse(v).toInstant());
        } catch (DateTimeParseException e) {
            try {
                // Graph writes local-time schedules without an offset; keep the wall time
                return DotNetDate.of(LocalDateTime.parse(v).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e2) {
                throw new LabDefinitionException(at + "." + field, "\"" + v + "\" is not an ISO date-time");
            }
        }
    }

    private static RebootEx restart(JsonNode r, String at) throws LabDefinitionException {
        if (r == null || r.isNull()) {
            return null;
        }
        return new RebootEx(orMinus(optionalInt(r, "gracePeriodInMinutes", at)),
                orMinus(optionalInt(r, "countdownDisplayBeforeRestartInMinutes", at)),
                orMinus(optionalInt(r, "restartNotificationSnoozeDurationInMinutes", at)));
    }

    private static int orMinus(Integer v) {
        return v == null ? -1 : v;
    }

    private static List<GraphWin32LobApp.Relationship> relationships(JsonNode list, String at)
            throws LabDefinitionException {
        List<GraphWin32LobApp.Relationship> out = new ArrayList<>();
        for (int i = 0; list != null && i < list.size(); i++) {
            JsonNode r = list.get(i);
            String itemAt = at + "[" + i + "]";
            if (!"child".equals(text(r, "targetType").orElse("child"))) {
                continue; // the service lists parents too; edges are taken from the parent's side
            }
            String childId = requiredText(r, "targetId", itemAt).toLowerCase(Locale.ROOT);
            String type = odataType(r, itemAt);
            int action = switch (type) {
                case "microsoft.graph.mobileAppDependency" -> mapped(r, "dependencyType", GraphRuleConverter.ordered(
                        "detect", DependencyAction.DETECT.code(), "autoInstall", DependencyAction.INSTALL.code()),
                        DependencyAction.INSTALL.code(), itemAt);
                case "microsoft.graph.mobileAppSupersedence" -> mapped(r, "supersedenceType", GraphRuleConverter.ordered(
                        "update", DependencyAction.UPDATE.code(), "replace", DependencyAction.REPLACE.code()),
                        null, itemAt);
                default -> throw new LabDefinitionException(itemAt, type + " is not a dependency or supersedence");
            };
            out.add(new GraphWin32LobApp.Relationship(childId, action));
        }
        return out;
    }
}
