package org.imelab.gateway.lab;

import static org.imelab.gateway.lab.LabJson.checkKeys;
import static org.imelab.gateway.lab.LabJson.guid;
import static org.imelab.gateway.lab.LabJson.merge;
import static org.imelab.gateway.lab.LabJson.objects;
import static org.imelab.gateway.lab.LabJson.requireObject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.imelab.gateway.lab.graph.GraphWin32LobApp;
import org.imelab.gateway.lab.graph.GraphWin32LobAppConverter;
import org.imelab.gateway.protocol.PayloadFormatException;
import org.imelab.gateway.protocol.SideCarJson;
import org.imelab.gateway.protocol.win32.StartDeadlineEx;
import org.imelab.gateway.protocol.win32.Win32AppPolicyValidator;

/**
 * Reads a lab file (format: gateway/LAB-FILE.md). Everything is checked before anything is used:
 * unknown keys (typos), targets, Graph apps (converted here), content folders, script files and
 * dependencies on apps the lab does not have are errors naming their JSON path. Keys that start
 * with {@code _} are comments and ignored.
 *
 * <p>SideCar-form apps are checked only for what the lab itself needs ({@code Id},
 * {@code Version}); the rest is the agent's business, so a lab can serve a malformed policy on
 * purpose.
 */
public final class LabDefinitionReader {
    private static final Set<String> ROOT_KEYS = Set.of("name", "accountId", "tenantId", "checkinIntervalMinutes",
            "enabledFlights", "groups", "apps", "platformScripts", "remediations");
    private static final Set<String> APP_KEYS = Set.of("sideCar", "graph", "nonWindows", "targets", "content",
            "schedule", "esp", "faults");

    private final SideCarJson json;

    public LabDefinitionReader(SideCarJson json) {
        this.json = json;
    }

    /**
     * @param anchor the instant relative schedule times ({@code "PT2H"}, {@code "-PT1H"}) count from:
     *               the lab gateway's start, so a schedule stays put while the lab runs
     */
    public LabDefinition read(Path labFile, String text, Instant anchor) throws LabDefinitionException {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (PayloadFormatException e) {
            throw new LabDefinitionException("", "the lab file is " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new LabDefinitionException("", "the lab file must be a JSON object");
        }
        checkKeys(root, ROOT_KEYS, "");
        Path base = labFile.toAbsolutePath().getParent();
        String name = root.path("name").asText(labFile.getFileName().toString());
        UUID account = guid(root, "accountId", LabDefinition.DEFAULT_ACCOUNT_ID);
        UUID tenant = guid(root, "tenantId", LabDefinition.DEFAULT_TENANT_ID);
        Integer interval = null;
        if (root.hasNonNull("checkinIntervalMinutes")) {
            JsonNode v = root.get("checkinIntervalMinutes");
            if (!v.isIntegralNumber() || v.intValue() <= 0) {
                throw new LabDefinitionException("checkinIntervalMinutes", "must be a positive integer, found " + v);
            }
            interval = v.intValue();
        }
        String flights = root.hasNonNull("enabledFlights") ? root.get("enabledFlights").asText() : null;

        Map<String, LabGroup> groups = groups(root.get("groups"));
        List<LabApp> apps = new ArrayList<>();
        JsonNode appNodes = root.get("apps");
        if (appNodes != null && !appNodes.isArray()) {
            throw new LabDefinitionException("apps", "must be an array");
        }
        GraphWin32LobAppConverter converter = new GraphWin32LobAppConverter((rule, at) -> scriptBody(base, rule, at));
        Set<String> ids = new HashSet<>();
        for (int i = 0; appNodes != null && i < appNodes.size(); i++) {
            LabApp app = app(appNodes.get(i), "apps[" + i + "]", base, anchor, converter);
            if (!ids.add(app.id())) {
                throw new LabDefinitionException("apps[" + i + "]", "app " + app.id() + " is defined twice");
            }
            apps.add(app);
        }
        for (int i = 0; i < apps.size(); i++) {
            for (GraphWin32LobApp.Relationship r : apps.get(i).relationships()) {
                if (!ids.contains(r.childId())) {
                    throw new LabDefinitionException("apps[" + i + "]", "depends on app " + r.childId()
                            + ", which the lab does not have");
                }
            }
        }
        for (int i = 0; i < apps.size(); i++) {
            for (LabAssignment a : apps.get(i).assignments()) {
                if (a.target() instanceof LabTarget.Group g && !groups.containsKey(g.groupId())) {
                    throw new LabDefinitionException("apps[" + i + "]", "is assigned to group " + g.groupId()
                            + ", which the lab file does not define");
                }
            }
        }
        return new LabDefinition(name, labFile, account, tenant, interval, flights, groups, apps,
                objects(root.get("platformScripts"), "platformScripts"), objects(root.get("remediations"), "remediations"));
    }

    /** Reads the file from disk. */
    public LabDefinition read(Path labFile, Instant anchor) throws LabDefinitionException {
        try {
            return read(labFile, Files.readString(labFile), anchor);
        } catch (IOException e) {
            throw new LabDefinitionException("", "cannot read the lab file " + labFile + ": " + e.getMessage(), e);
        }
    }

    private LabApp app(JsonNode entry, String at, Path base, Instant anchor, GraphWin32LobAppConverter converter)
            throws LabDefinitionException {
        if (entry == null || !entry.isObject()) {
            throw new LabDefinitionException(at, "must be an object");
        }
        checkKeys(entry, APP_KEYS, at);
        JsonNode sideCar = entry.get("sideCar");
        JsonNode graph = entry.get("graph");
        if ((sideCar == null) == (graph == null)) {
            throw new LabDefinitionException(at, "needs exactly one of \"sideCar\" (the SideCar policy form) or"
                    + " \"graph\" (a Graph win32LobApp)");
        }
        JsonNode overlay = entry.get("nonWindows");
        if (overlay != null && !overlay.isObject()) {
            throw new LabDefinitionException(at + ".nonWindows", "must be an object of fields to override");
        }
        StartDeadlineEx schedule = schedule(entry.get("schedule"), at + ".schedule", anchor);
        LabContent content = content(entry.get("content"), at + ".content", base,
                sideCar != null ? sideCar.path("SetUpFilePath").asText(null) : graph.path("setupFilePath").asText(null));
        boolean esp = entry.path("esp").asBoolean(false);
        LabFaults faults = faults(entry.get("faults"), at + ".faults");
        if (sideCar != null) {
            return sideCarApp(entry, (ObjectNode) requireObject(sideCar, at + ".sideCar"), overlay, at, schedule,
                    content, esp, faults);
        }
        if (entry.has("targets")) {
            throw new LabDefinitionException(at + ".targets", "a Graph-form app is targeted by its \"assignments\"");
        }
        GraphWin32LobApp windows = converter.convert(graph, at + ".graph");
        GraphWin32LobApp other = overlay == null ? windows
                : converter.convert(merge((ObjectNode) graph, (ObjectNode) overlay), at + ".nonWindows");
        return new LabApp(windows.template().id(), windows.template().version(), windows.template().name(),
                new LabApp.Source.Converted(windows.template()), new LabApp.Source.Converted(other.template()),
                windows.assignments(), windows.relationships(), content, schedule, esp, faults);
    }

    private LabApp sideCarApp(JsonNode entry, ObjectNode node, JsonNode overlay, String at, StartDeadlineEx schedule,
                              LabContent content, boolean esp, LabFaults faults) throws LabDefinitionException {
        JsonNode id = node.get("Id");
        if (id == null || !Win32AppPolicyValidator.isGuid(id.asText(null))) {
            throw new LabDefinitionException(at + ".sideCar.Id", "the lab needs a GUID Id to serve the app");
        }
        JsonNode version = node.get("Version");
        if (version == null || !version.isIntegralNumber()) {
            throw new LabDefinitionException(at + ".sideCar.Version", "the lab needs an integer Version");
        }
        List<LabAssignment> assignments = new ArrayList<>();
        JsonNode targets = entry.get("targets");
        if (targets == null || !targets.isArray() || targets.isEmpty()) {
            throw new LabDefinitionException(at + ".targets", "a SideCar-form app needs a non-empty array of targets");
        }
        for (int i = 0; i < targets.size(); i++) {
            assignments.add(LabAssignment.include(LabTarget.parse(targets.get(i).asText(null), at + ".targets[" + i + "]")));
        }
        String appId = id.asText().toLowerCase(Locale.ROOT);
        List<GraphWin32LobApp.Relationship> relationships = SideCarRelations.of(node.get("FlatDependencies"), appId,
                at + ".sideCar.FlatDependencies");
        ObjectNode windows = node.deepCopy();
        ObjectNode other = overlay == null ? windows : merge(windows, (ObjectNode) overlay);
        if (schedule != null) {
            windows.set("StartDeadlineEx", scheduleNode(schedule));
            other.set("StartDeadlineEx", scheduleNode(schedule));
        }
        return new LabApp(appId, version.intValue(), node.path("Name").asText(""), new LabApp.Source.SideCar(windows),
                new LabApp.Source.SideCar(other), assignments, relationships, content, schedule, esp, faults);
    }

    private static ObjectNode scheduleNode(StartDeadlineEx s) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("TimeFormat", s.timeFormat());
        n.put("StartTime", s.startTime().toString());
        n.put("Deadline", s.deadline().toString());
        return n;
    }

    private static LabFaults faults(JsonNode node, String at) throws LabDefinitionException {
        if (node == null || node.isNull()) {
            return LabFaults.NONE;
        }
        if (!node.isObject()) {
            throw new LabDefinitionException(at, "must be an object of faults");
        }
        checkKeys(node, Set.of("exitCode", "detection", "downloadFailure", "gatewayError"), at);
        Integer exitCode = null;
        JsonNode exit = node.get("exitCode");
        if (exit != null && !exit.isNull()) {
            if (!exit.canConvertToInt() || !exit.isIntegralNumber()) {
                throw new LabDefinitionException(at + ".exitCode", "must be a 32-bit integer (e.g. 1603 or -2147024891)");
            }
            exitCode = exit.intValue();
        }
        Boolean detection = null;
        JsonNode d = node.get("detection");
        if (d != null && !d.isNull()) {
            if (!d.isBoolean()) {
                throw new LabDefinitionException(at + ".detection", "must be true (detected) or false (not detected)");
            }
            detection = d.booleanValue();
        }
        Integer downloadStatus = null;
        JsonNode dl = node.get("downloadFailure");
        if (dl != null && !dl.isNull()) {
            if (dl.isBoolean()) {
                downloadStatus = dl.booleanValue() ? 503 : null;
            } else if (dl.isInt() && dl.intValue() >= 400 && dl.intValue() <= 599) {
                downloadStatus = dl.intValue();
            } else {
                throw new LabDefinitionException(at + ".downloadFailure",
                        "must be true (503) or an HTTP error status 400-599");
            }
        }
        JsonNode g = node.get("gatewayError");
        if (g != null && !g.isNull() && !g.isBoolean()) {
            throw new LabDefinitionException(at + ".gatewayError", "must be true or false");
        }
        return new LabFaults(exitCode, detection, downloadStatus, g != null && g.asBoolean(false));
    }

    private static StartDeadlineEx schedule(JsonNode node, String at, Instant anchor) throws LabDefinitionException {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new LabDefinitionException(at, "must be an object with start and/or deadline");
        }
        checkKeys(node, Set.of("start", "deadline"), at);
        Instant start = time(node.get("start"), at + ".start", anchor);
        Instant deadline = time(node.get("deadline"), at + ".deadline", anchor);
        if (start != null && deadline != null && deadline.isBefore(start)) {
            throw new LabDefinitionException(at, "the deadline is before the start");
        }
        return StartDeadlineEx.of(start, deadline);
    }

    /** An ISO date-time, or a duration relative to the lab's start ({@code PT2H}, {@code -PT1H}). */
    private static Instant time(JsonNode v, String at, Instant anchor) throws LabDefinitionException {
        if (v == null || v.isNull()) {
            return null;
        }
        String s = v.asText();
        try {
            if (s.startsWith("P") || s.startsWith("-P") || s.startsWith("+P")) {
                return anchor.plus(Duration.parse(s));
            }
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new LabDefinitionException(at, "\"" + s + "\" is neither an ISO date-time with offset nor a"
                    + " duration like PT2H / -PT30M");
        }
    }

    private static LabContent content(JsonNode node, String at, Path base, String setupFromPolicy)
            throws LabDefinitionException {
        if (node == null || node.isNull()) {
            return new LabContent.None();
        }
        if (!node.isObject()) {
            throw new LabDefinitionException(at, "must be {\"folder\": ..., \"setupFile\": ...} or {\"intunewin\": ...}");
        }
        checkKeys(node, Set.of("folder", "setupFile", "intunewin"), at);
        if (node.has("intunewin")) {
            if (node.has("folder")) {
                throw new LabDefinitionException(at, "has both a folder and an intunewin file");
            }
            Path file = base.resolve(node.get("intunewin").asText()).normalize();
            if (!Files.isRegularFile(file)) {
                throw new LabDefinitionException(at + ".intunewin", "no such file: " + file);
            }
            return new LabContent.IntuneWin(file);
        }
        if (!node.hasNonNull("folder")) {
            throw new LabDefinitionException(at, "needs a folder or an intunewin file");
        }
        Path dir = base.resolve(node.get("folder").asText()).normalize();
        if (!Files.isDirectory(dir)) {
            throw new LabDefinitionException(at + ".folder", "no such folder: " + dir);
        }
        String setup = node.hasNonNull("setupFile") ? node.get("setupFile").asText() : setupFromPolicy;
        if (setup == null || setup.isBlank()) {
            throw new LabDefinitionException(at + ".setupFile", "is required when the policy names no setup file");
        }
        if (!Files.isRegularFile(dir.resolve(setup).normalize()) || !dir.resolve(setup).normalize().startsWith(dir)) {
            throw new LabDefinitionException(at + ".setupFile", "\"" + setup + "\" is not a file in " + dir);
        }
        return new LabContent.Folder(dir, setup);
    }

    private static Map<String, LabGroup> groups(JsonNode node) throws LabDefinitionException {
        Map<String, LabGroup> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new LabDefinitionException("groups", "must be an object keyed by group id");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = "groups." + e.getKey();
            if (e.getKey().startsWith("_")) {
                continue;
            }
            JsonNode g = e.getValue();
            checkKeys(g, Set.of("displayName", "members"), at);
            List<LabTarget> members = new ArrayList<>();
            JsonNode m = g.get("members");
            for (int i = 0; m != null && i < m.size(); i++) {
                LabTarget t = LabTarget.parse(m.get(i).asText(null), at + ".members[" + i + "]");
                if (t instanceof LabTarget.Group) {
                    throw new LabDefinitionException(at + ".members[" + i + "]", "groups cannot be nested in the lab");
                }
                members.add(t);
            }
            String id = e.getKey().toLowerCase(Locale.ROOT);
            out.put(id, new LabGroup(id, g.path("displayName").asText(e.getKey()), members));
        }
        return out;
    }

    private String scriptBody(Path base, JsonNode rule, String at) throws LabDefinitionException {
        JsonNode content = rule.get("scriptContent");
        JsonNode file = rule.get("scriptFile");
        if ((content == null || content.isNull()) == (file == null || file.isNull())) {
            throw new LabDefinitionException(at, "needs exactly one of scriptContent (Base64) or scriptFile (lab extension)");
        }
        if (content != null && !content.isNull()) {
            try {
                Base64.getDecoder().decode(content.asText().strip());
            } catch (IllegalArgumentException e) {
                throw new LabDefinitionException(at + ".scriptContent", "is not Base64");
            }
            return content.asText().strip();
        }
        Path path = base.resolve(file.asText()).normalize();
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new LabDefinitionException(at + ".scriptFile", "cannot read " + path + ": " + e.getMessage());
        }
    }
}
