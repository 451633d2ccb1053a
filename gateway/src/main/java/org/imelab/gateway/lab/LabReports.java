package org.imelab.gateway.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imelab.gateway.protocol.PayloadFormatException;
import org.imelab.gateway.protocol.RequestContentType;
import org.imelab.gateway.protocol.SideCarJson;
import org.imelab.gateway.protocol.report.AppResult;
import org.imelab.gateway.protocol.report.InventoryReport;
import org.imelab.gateway.protocol.report.ReportAcknowledgement;
import org.imelab.gateway.protocol.report.ScriptResult;
import org.imelab.gateway.protocol.win32.Win32AppPolicyValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every report the lab receives ({@code Win32AppResult}, {@code PolicyResult},
 * {@code ApplicationInventory}): checked entry by entry, appended to {@code {state}/reports.jsonl}
 * (one line per accepted report, replayed at start, so the device view survives a restart), and
 * folded into the latest state per device: each app per scope, each script per scope, the
 * installed applications.
 */
public final class LabReports {
    private static final Logger LOG = LoggerFactory.getLogger(LabReports.class);
    private static final int HISTORY = 200;

    private final Path file;
    private final SideCarJson json;
    private final Map<String, DeviceReports> byDevice = new HashMap<>();

    /** The folded state of one device. */
    static final class DeviceReports {
        final Map<String, AppResult> apps = new LinkedHashMap<>();
        final Map<String, Instant> appsReceivedAt = new HashMap<>();
        final Map<String, ScriptResult> scripts = new LinkedHashMap<>();
        final Map<String, InventoryReport.InventoryEntry> inventory = new LinkedHashMap<>();
        Instant lastInventoryAt;
        String lastInventoryType;
        final Deque<ObjectNode> history = new ArrayDeque<>();
    }

    private LabReports(Path file, SideCarJson json) {
        this.file = file;
        this.json = json;
    }

    public static LabReports open(Path stateDir, SideCarJson json) throws IOException {
        LabReports r = new LabReports(stateDir.resolve("reports.jsonl"), json);
        r.replay();
        return r;
    }

    /**
     * Records a report.
     *
     * @throws PayloadFormatException when the payload is not the report's container at all
     */
    public ReportAcknowledgement record(String deviceId, RequestContentType type, String payload, Instant now)
            throws IOException {
        ReportAcknowledgement ack;
        synchronized (this) {
            ack = apply(deviceId, type, payload, now);
        }
        if (ack.accepted() > 0) {
            ObjectNode line = json.mapper().createObjectNode();
            line.put("DeviceId", deviceId);
            line.put("ReceivedAt", now.toString());
            line.put("RequestContentType", type.wireName());
            line.put("Payload", payload);
            synchronized (file) {
                try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                    w.write(line.toString());
                    w.write('\n');
                }
            }
        }
        return ack;
    }

    private ReportAcknowledgement apply(String deviceId, RequestContentType type, String payload, Instant now) {
        DeviceReports d = byDevice.computeIfAbsent(deviceId.toLowerCase(Locale.ROOT), k -> new DeviceReports());
        List<ReportAcknowledgement.Refusal> refused = new ArrayList<>();
        int accepted = 0;
        switch (type) {
            case WIN32_APP_RESULT -> {
                JsonNode array = array(payload, type);
                for (int i = 0; i < array.size(); i++) {
                    try {
                        AppResult r = json.mapper().treeToValue(array.get(i), AppResult.class);
                        String problem = problem(r);
                        if (problem != null) {
                            refused.add(new ReportAcknowledgement.Refusal(i, problem));
                            continue;
                        }
                        String key = r.userId().toLowerCase(Locale.ROOT) + "/" + r.appId().toLowerCase(Locale.ROOT);
                        d.apps.put(key, r);
                        d.appsReceivedAt.put(key, now);
                        accepted++;
                    } catch (JsonProcessingException e) {
                        refused.add(new ReportAcknowledgement.Refusal(i, SideCarJson.oneLine(e)));
                    }
                }
            }
            case POLICY_RESULT -> {
                JsonNode array = array(payload, type);
                for (int i = 0; i < array.size(); i++) {
                    try {
                        ScriptResult r = json.mapper().treeToValue(array.get(i), ScriptResult.class);
                        if (!Win32AppPolicyValidator.isGuid(r.policyId()) || r.result() == null) {
                            refused.add(new ReportAcknowledgement.Refusal(i, "needs a GUID PolicyId and a Result"));
                            continue;
                        }
                        String scope = r.userId() == null ? AppResult.DEVICE_SCOPE : r.userId();
                        d.scripts.put(scope.toLowerCase(Locale.ROOT) + "/" + r.policyId().toLowerCase(Locale.ROOT), r);
                        accepted++;
                    } catch (JsonProcessingException e) {
                        refused.add(new ReportAcknowledgement.Refusal(i, SideCarJson.oneLine(e)));
                    }
                }
            }
            case APPLICATION_INVENTORY -> {
                InventoryReport r = json.read(payload, InventoryReport.class);
                boolean full = InventoryReport.FULL.equals(r.inventoryType());
                if (!full && !InventoryReport.DELTA.equals(r.inventoryType())) {
                    throw new PayloadFormatException("InventoryType must be Full or Delta, not " + r.inventoryType());
                }
                if (full) {
                    d.inventory.clear();
                }
                List<InventoryReport.InventoryEntry> apps = r.applications() == null ? List.of() : r.applications();
                for (int i = 0; i < apps.size(); i++) {
                    InventoryReport.InventoryEntry e = apps.get(i);
                    if (e == null || e.entryId() == null || e.name() == null) {
                        refused.add(new ReportAcknowledgement.Refusal(i, "an application needs EntryId and Name"));
                        continue;
                    }
                    d.inventory.put(e.entryId(), e);
                    accepted++;
                }
                if (r.removedEntryIds() != null) {
                    r.removedEntryIds().forEach(d.inventory::remove);
                    accepted += r.removedEntryIds().size();
                }
                if (full && accepted == 0 && refused.isEmpty()) {
                    accepted = 1; // an empty full inventory is news too: the device has nothing installed
                }
                d.lastInventoryAt = now;
                d.lastInventoryType = r.inventoryType();
            }
            default -> throw new PayloadFormatException(type + " is not a report");
        }
        ObjectNode event = json.mapper().createObjectNode();
        event.put("ReceivedAt", now.toString());
        event.put("RequestContentType", type.wireName());
        event.put("Accepted", accepted);
        event.put("Refused", refused.size());
        d.history.addFirst(event);
        while (d.history.size() > HISTORY) {
            d.history.removeLast();
        }
        return new ReportAcknowledgement(accepted, refused);
    }

    private static String problem(AppResult r) {
        if (!Win32AppPolicyValidator.isGuid(r.appId())) {
            return "AppId must be a GUID";
        }
        if (!Win32AppPolicyValidator.isGuid(r.userId())) {
            return "UserId must be a GUID (00000000-0000-0000-0000-000000000000 for the device)";
        }
        if (r.appVersion() == null || r.appVersion() < 0) {
            return "AppVersion must be a number >= 0";
        }
        if (r.complianceStateMessage() == null) {
            return "ComplianceStateMessage is missing";
        }
        return null;
    }

    private JsonNode array(String payload, RequestContentType type) {
        JsonNode n = json.readTree(payload == null ? "" : payload);
        if (n == null || !n.isArray()) {
            throw new PayloadFormatException("the " + type + " payload must be a JSON array");
        }
        return n;
    }

    /**
     * The device's latest app states, scripts, inventory, Discovered Apps and report history, as
     * JSON for the lab's device view.
     */
    public synchronized ObjectNode view(String deviceId) {
        DeviceReports d = byDevice.getOrDefault(deviceId.toLowerCase(Locale.ROOT), new DeviceReports());
        ObjectNode out = json.mapper().createObjectNode();
        var apps = out.putArray("Apps");
        d.apps.forEach((key, r) -> {
            ObjectNode n = (ObjectNode) json.mapper().valueToTree(r);
            n.set("ComplianceStateMessage", json.mapper().valueToTree(r.complianceStateMessage()));
            n.set("EnforcementStateMessage", json.mapper().valueToTree(r.enforcementStateMessage()));
            n.put("ReportTime", r.reportTime() == null ? null : r.reportTime().instant().map(Instant::toString).orElse(null));
            n.put("ReceivedAt", d.appsReceivedAt.get(key).toString());
            apps.add(n);
        });
        var scripts = out.putArray("Scripts");
        d.scripts.values().forEach(r -> {
            ObjectNode n = (ObjectNode) json.mapper().valueToTree(r);
            n.put("ReportTime", r.reportTime() == null ? null : r.reportTime().instant().map(Instant::toString).orElse(null));
            scripts.add(n);
        });
        ObjectNode inv = out.putObject("Inventory");
        inv.put("LastReportAt", d.lastInventoryAt == null ? null : d.lastInventoryAt.toString());
        inv.put("LastReportType", d.lastInventoryType);
        inv.set("Applications", json.mapper().valueToTree(List.copyOf(d.inventory.values())));
        out.set("DiscoveredApps", json.mapper().valueToTree(discovered(d)));
        out.putArray("History").addAll(List.copyOf(d.history));
        return out;
    }

    /**
     * The device's Discovered Apps: the installed applications as the last full inventory and the
     * deltas after it left them (a full replaces the list, a delta patches it), by name and version.
     */
    public synchronized List<InventoryReport.InventoryEntry> discoveredApps(String deviceId) {
        DeviceReports d = byDevice.get(deviceId.toLowerCase(Locale.ROOT));
        return d == null ? List.of() : discovered(d);
    }

    private static List<InventoryReport.InventoryEntry> discovered(DeviceReports d) {
        return d.inventory.values().stream()
                .sorted(java.util.Comparator.comparing((InventoryReport.InventoryEntry e) -> e.name(),
                                String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(e -> e.version() == null ? "" : e.version())
                        .thenComparing(InventoryReport.InventoryEntry::entryId))
                .toList();
    }

    /** The latest result of each app the device reported, for tests and tools. */
    public synchronized List<AppResult> appResults(String deviceId) {
        DeviceReports d = byDevice.get(deviceId.toLowerCase(Locale.ROOT));
        return d == null ? List.of() : List.copyOf(d.apps.values());
    }

    private void replay() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode r = json.readTree(line);
                RequestContentType type = RequestContentType.of(r.path("RequestContentType").asText())
                        .orElseThrow(() -> new PayloadFormatException("unknown report type"));
                apply(r.path("DeviceId").asText(), type, r.path("Payload").asText(),
                        Instant.parse(r.path("ReceivedAt").asText()));
            } catch (RuntimeException e) {
                // a line cut short by a crash must not cost the others
                LOG.warn("Skipping line {} of {}: {}", n, file, e.getMessage());
            }
        }
    }
}
