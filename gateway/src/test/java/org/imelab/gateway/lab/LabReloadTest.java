package org.imelab.gateway.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import okhttp3.Response;
import org.imelab.gateway.protocol.CompressedPayload;
import org.imelab.gateway.protocol.RequestContentType;
import org.imelab.gateway.protocol.win32.PolicySet;
import org.imelab.gateway.protocol.win32.Win32AppPolicy;
import org.imelab.gateway.protocol.win32.Win32AppPolicyParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An edited lab file is served on the next request; a broken edit leaves the last good one in force. */
class LabReloadTest {
    @TempDir
    Path dir;

    private static List<String> appIds(LabClient device) throws Exception {
        PolicySet set = new Win32AppPolicyParser(device.json).parse(CompressedPayload.decode(device.session(
                RequestContentType.REQUEST_APPLICATION, "[]", LabClient.windowsClientInfo(), null).responsePayload()));
        return set.accepted().stream().map(Win32AppPolicy::id).toList();
    }

    @Test
    void editsAreServedAndBrokenEditsAreNot() throws Exception {
        Path lab = LabFixture.write(dir.resolve("lab"));
        try (LabGateway gateway = LabGateway.start(LabConfig.of(lab, LabFixture.state(dir.resolve("state"))))) {
            LabClient device = new LabClient(gateway).enroll("LAB-PC1");
            assertEquals(List.of(LabFixture.REAL_APP, LabFixture.GRAPH_REQUIRED, LabFixture.GRAPH_DEPENDENCY),
                    appIds(device));

            // the admin removes the group assignment of the Graph app: gone at the next check-in
            String original = Files.readString(lab);
            Files.writeString(lab, original.replace("\"groupId\": \"0a1b2c3d-0000-4000-8000-00000000ab01\" },\n"
                    + "            \"settings\"", "\"groupId\": \"0a1b2c3d-0000-4000-8000-00000000ab02\" },\n"
                    + "            \"settings\""));
            assertEquals(List.of(LabFixture.REAL_APP), appIds(device));

            // a broken edit: the last good definition stays, the error is shown
            Files.writeString(lab, original.replace("\"apps\": [", "\"apps\": [ {\"graph\": {\"id\": 5}},"));
            assertEquals(List.of(LabFixture.REAL_APP), appIds(device));
            try (Response r = device.get("/lab/status")) {
                JsonNode status = device.json.readTree(r.body().string());
                assertTrue(status.get("LastError").asText().startsWith("apps[0].graph"), status.toString());
                assertEquals(1, status.get("Reloads").asInt());
            }

            // fixed again: served, error cleared
            Files.writeString(lab, original);
            assertEquals(3, appIds(device).size());
            try (Response r = device.get("/lab/status")) {
                JsonNode status = device.json.readTree(r.body().string());
                assertTrue(status.get("LastError").isNull());
                assertEquals(2, status.get("Reloads").asInt());
            }
        }
    }

    @Test
    void aLabFileThatCannotBeUsedStopsTheStartWithItsReason() throws Exception {
        Path lab = dir.resolve("bad.json");
        Files.writeString(lab, "{\"apps\": [{\"sideCar\": {\"Id\": \"x\"}, \"targets\": [\"allDevices\"]}]}");
        LabDefinitionException e = org.junit.jupiter.api.Assertions.assertThrows(LabDefinitionException.class,
                () -> LabGateway.start(LabConfig.of(lab, LabFixture.state(dir.resolve("state")))));
        assertEquals("apps[0].sideCar.Id", e.at());
    }
}
