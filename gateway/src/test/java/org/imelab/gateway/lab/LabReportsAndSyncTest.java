package org.imelab.gateway.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Response;
import org.imelab.gateway.protocol.CheckinReasonPayload;
import org.imelab.gateway.protocol.DotNetDate;
import org.imelab.gateway.protocol.RequestContentType;
import org.imelab.gateway.protocol.SideCarGatewaySession;
import org.imelab.gateway.protocol.report.AppResult;
import org.imelab.gateway.protocol.report.ComplianceStateMessage;
import org.imelab.gateway.protocol.report.EnforcementStateMessage;
import org.imelab.gateway.protocol.report.InventoryReport;
import org.imelab.gateway.protocol.report.ReportAcknowledgement;
import org.imelab.gateway.protocol.report.ScriptResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports are recorded, shown and kept across a restart; "sync now" reaches a listening device. */
class LabReportsAndSyncTest {
    @TempDir
    Path dir;

    private LabGateway start() throws Exception {
        Path lab = dir.resolve("lab").resolve("lab.json");
        if (!java.nio.file.Files.exists(lab)) {
            LabFixture.write(dir.resolve("lab"));
            LabFixture.state(dir.resolve("state"));
        }
        return LabGateway.start(LabConfig.of(lab, dir.resolve("state")));
    }

    static AppResult installed(String appId) {
        return new AppResult(appId, 1, AppResult.DEVICE_SCOPE, 1,
                new ComplianceStateMessage(0, 1, 2, null, 0, 2, 2, null, null),
                new EnforcementStateMessage(1000, 0, 0), DotNetDate.of(Instant.parse("2026-05-01T10:00:00Z")));
    }

    @Test
    void win32AppResultsAreRecordedShownAndKeptAcrossARestart() throws Exception {
        String deviceId;
        try (LabGateway gateway = start()) {
            LabClient device = new LabClient(gateway).enroll("LAB-PC1");
            deviceId = device.deviceId();
            AppResult bad = new AppResult("not-a-guid", 1, AppResult.DEVICE_SCOPE, 2, null, null, null);
            String payload = device.json.write(List.of(installed(LabFixture.REAL_APP), bad,
                    installed(LabFixture.GRAPH_REQUIRED)));
            SideCarGatewaySession answer = device.session(RequestContentType.WIN32_APP_RESULT, payload,
                    LabClient.windowsClientInfo(), null);
            ReportAcknowledgement ack = device.json.read(answer.responsePayload(), ReportAcknowledgement.class);
            assertEquals(2, ack.accepted());
            assertEquals(List.of(new ReportAcknowledgement.Refusal(1, "AppId must be a GUID")), ack.rejected());
            // the state messages travel as JSON strings, like the registry values
            assertTrue(payload.contains("\"ComplianceStateMessage\":\"{\\\"Applicability\\\":0,\\\"ComplianceState\\\":1"),
                    payload);

            try (Response r = device.get("/lab/devices")) {
                JsonNode all = device.json.readTree(r.body().string());
                assertEquals(1, all.size());
                JsonNode apps = all.get(0).get("Apps");
                assertEquals(2, apps.size());
                assertEquals(1000, apps.get(0).at("/EnforcementStateMessage/EnforcementState").asInt());
                assertEquals("Win32AppResult", all.get(0).at("/LastCheckin/RequestContentType").asText());
                assertEquals("AgentRestart", all.get(0).at("/LastCheckin/CheckinReason").asText());
            }
        }
        try (LabGateway again = start()) {
            assertEquals(2, again.appResults(deviceId).size());
            assertEquals(1, again.devices().size(), "enrolled devices survive a restart");
            LabClient device = new LabClient(again);
            try (Response r = device.get("/lab/devices/" + deviceId)) {
                JsonNode view = device.json.readTree(r.body().string());
                assertEquals(2, view.get("Apps").size());
                assertEquals("Win32AppResult", view.at("/History/0/RequestContentType").asText());
            }
        }
    }

    @Test
    void scriptResultsAndInventoryAreFolded() throws Exception {
        try (LabGateway gateway = start()) {
            LabClient device = new LabClient(gateway).enroll("LAB-PC1");
            device.session(RequestContentType.POLICY_RESULT, device.json.write(List.of(new ScriptResult(
                    "aaaaaaaa-0000-4000-8000-000000000001", null, "Success", 0, null, 1, null))),
                    LabClient.windowsClientInfo(), null);
            InventoryReport.InventoryEntry seven = new InventoryReport.InventoryEntry("7zip", "7-Zip", "25.01", "Igor Pavlov",
                    "{23170F69-40C1-2702-2501-000001000000}", "1033", "20260501");
            InventoryReport.InventoryEntry vlc = new InventoryReport.InventoryEntry("vlc", "VLC", "3.0", "VideoLAN", null);
            device.session(RequestContentType.APPLICATION_INVENTORY, device.json.write(new InventoryReport(
                    InventoryReport.FULL, null, List.of(seven, vlc), List.of())), LabClient.windowsClientInfo(), null);
            device.session(RequestContentType.APPLICATION_INVENTORY, device.json.write(new InventoryReport(
                    InventoryReport.DELTA, null, List.of(), List.of("vlc"))), LabClient.windowsClientInfo(), null);
            try (Response r = device.get("/lab/devices/" + device.deviceId())) {
                JsonNode view = device.json.readTree(r.body().string());
                assertEquals("Success", view.at("/Scripts/0/Result").asText());
                assertEquals(1, view.at("/Inventory/Applications").size());
                assertEquals("7-Zip", view.at("/Inventory/Applications/0/Name").asText());
                assertEquals("Delta", view.at("/Inventory/LastReportType").asText());
                assertEquals("{23170F69-40C1-2702-2501-000001000000}", view.at("/DiscoveredApps/0/ProductCode").asText());
                assertEquals("1033", view.at("/DiscoveredApps/0/Language").asText());
            }
            try (Response r = device.get("/lab/devices")) {
                JsonNode list = device.json.readTree(r.body().string());
                assertEquals(1, list.get(0).get("DiscoveredApps").size(), "the device list shows Discovered Apps too");
            }
            assertEquals(List.of(seven), gateway.discoveredApps(device.deviceId()));
            // a report that is not even its container is a bad request
            try (Response r = device.sessionCall(RequestContentType.WIN32_APP_RESULT, "{}",
                    LabClient.windowsClientInfo(), null)) {
                assertEquals(400, r.code());
            }
        }
    }

    @Test
    void syncRequestWakesTheDevicesLongPoll() throws Exception {
        try (LabGateway gateway = start()) {
            LabClient device = new LabClient(gateway).enroll("LAB-PC1");
            CompletableFuture<Response> poll = CompletableFuture.supplyAsync(() -> {
                try {
                    return device.get("/lab/notify?timeoutSeconds=30");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            // wait (on the gateway's own state, not on time) until the poll is held open
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!gateway.listeningForSync(device.deviceId())) {
                assertTrue(System.nanoTime() < deadline, "the poll never arrived");
                Thread.onSpinWait();
            }
            String id;
            try (Response r = new LabClient(gateway).post("/lab/devices/" + device.deviceId() + "/sync", "")) {
                assertEquals(202, r.code());
                id = device.json.readTree(r.body().string()).get("NotificationID").asText();
            }
            try (Response r = poll.get(20, TimeUnit.SECONDS)) {
                assertEquals(200, r.code());
                CheckinReasonPayload n = device.json.read(r.body().string(), CheckinReasonPayload.class);
                assertEquals(id, n.notificationId());
                assertEquals("Win32AppWorkload", n.notificationIntent());
            }
        }
    }

    @Test
    void aSyncRequestedWhileNotListeningIsDeliveredOnTheNextPollAndRequestsCoalesce() throws Exception {
        try (LabGateway gateway = start()) {
            LabClient device = new LabClient(gateway).enroll("LAB-PC1");
            String first = gateway.requestSync(device.deviceId());
            assertEquals(first, gateway.requestSync(device.deviceId()), "a pending request absorbs the next ones");
            try (Response r = device.get("/lab/notify?timeoutSeconds=5")) {
                assertEquals(200, r.code());
                assertTrue(r.body().string().contains(first));
            }
            try (Response r = device.get("/lab/notify?timeoutSeconds=0.05")) {
                assertEquals(204, r.code(), "nothing more pending: the poll times out empty");
            }
            assertFalse(gateway.listeningForSync(device.deviceId()));
        }
    }
}
