package org.imelab.gateway.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SideCarGatewaySessionTest {
    private final SideCarJson json = new SideCarJson();

    /** The request of ime-behaviour.md C §3.2 (pytune's client), compact, as the real agent sends it. */
    static final String REAL_REQUEST = "{\"Key\":\"2b7c4c80-2f2b-4d86-9a64-1b0f0c8e2f11\","
            + "\"SessionId\":\"2b7c4c80-2f2b-4d86-9a64-1b0f0c8e2f11\",\"RequestContentType\":\"GetSelectedApp\","
            + "\"RequestPayload\":\"[]\",\"ResponseContentType\":null,"
            + "\"ClientInfo\":\"{\\\"DeviceName\\\":\\\"DESKTOP-1\\\",\\\"OperatingSystemVersion\\\":\\\"10.0.19045\\\","
            + "\\\"SideCarAgentVersion\\\":\\\"1.83.107.0\\\",\\\"Win10SMode\\\":false,\\\"UnlockWin10SModeTenantId\\\":null,"
            + "\\\"UnlockWin10SModeDeviceId\\\":null,\\\"ChannelUriInformation\\\":null,"
            + "\\\"AgentExecutionStartTime\\\":\\\"10/11/2024 23:15:42\\\",\\\"AgentExecutionEndTime\\\":\\\"10/11/2024 23:15:38\\\","
            + "\\\"AgentCrashSeen\\\":true,\\\"ExtendedInventoryMap\\\":{\\\"OperatingSystemRevisionNumber\\\":\\\"2006\\\","
            + "\\\"SKU\\\":\\\"72\\\",\\\"DotNetFrameworkReleaseValue\\\":\\\"528372\\\"}}\","
            + "\"ResponsePayload\":null,\"EnabledFlights\":null,\"CheckinIntervalMinutes\":null,"
            + "\"GenericWorkloadRequests\":null,\"GenericWorkloadResponse\":null,\"CheckinReason\":\"AgentRestart\","
            + "\"CheckinReasonPayload\":null}";

    @Test
    void realRequestRoundTripsByteForByte() {
        SideCarGatewaySession s = json.readSession(REAL_REQUEST);
        assertEquals(RequestContentType.GET_SELECTED_APP, s.requestType().orElseThrow());
        assertEquals("DESKTOP-1", s.clientInfo().deviceName());
        assertEquals("72", s.clientInfo().extendedInventoryMap().get("SKU"));
        assertEquals(CheckinReason.AGENT_RESTART, s.checkinReason());
        assertEquals(REAL_REQUEST, json.writeSession(s));
    }

    @Test
    void realResponseShapeIsRead() {
        String response = "{\"odata.metadata\":\"\",\"odata.id\":\"\",\"Key\":\"\",\"SessionId\":\"\","
                + "\"RequestContentType\":\"RequestApplication\",\"RequestPayload\":\"\",\"ResponseContentType\":\"PolicyResponse\","
                + "\"ResponsePayload\":\"\",\"ClientInfo\":\"\",\"EnabledFlights\":\"DisableWin32V2AppProcessor\","
                + "\"CheckinIntervalMinutes\":56,\"CheckinReason\":\"AgentRestart\",\"CheckinReasonPayload\":null,"
                + "\"GenericWorkloadRequests\":null,\"GenericWorkloadResponse\":null}";
        SideCarGatewaySession s = json.readSession(response);
        assertEquals(56, s.checkinIntervalMinutes());
        assertEquals("PolicyResponse", s.responseContentType());
        assertNull(s.clientInfo(), "the empty ClientInfo string reads as none");
        assertEquals("", s.odataMetadata());
    }

    @Test
    void agentRequestCarriesNestedStringsAndNoODataFields() {
        UUID id = UUID.fromString("00000000-0000-4000-8000-000000000001");
        Map<String, String> inventory = new LinkedHashMap<>();
        inventory.put("OperatingSystemRevisionNumber", "2006");
        SideCarGatewaySession s = SideCarGatewaySession.request(id, RequestContentType.REQUEST_APPLICATION, null,
                ClientInfo.of("LAB", "10.0.26100", "1.103.101.0", Instant.parse("2026-01-02T03:04:05Z"), null, false,
                        inventory),
                CheckinReason.NOTIFICATION, new CheckinReasonPayload("11111111-0000-4000-8000-000000000001",
                        CheckinReasonPayload.WIN32_APP_WORKLOAD));
        String wire = json.writeSession(s);
        assertTrue(wire.startsWith("{\"Key\":\"00000000-0000-4000-8000-000000000001\",\"SessionId\":"), wire);
        assertTrue(wire.contains("\"RequestPayload\":\"[]\""));
        assertTrue(wire.contains("\\\"AgentExecutionStartTime\\\":\\\"01/02/2026 03:04:05\\\""), wire);
        assertTrue(wire.contains("\"CheckinReason\":\"Notification\",\"CheckinReasonPayload\":\"{\\\"NotificationID\\\":"
                + "\\\"11111111-0000-4000-8000-000000000001\\\",\\\"NotificationIntent\\\":\\\"Win32AppWorkload\\\"}\""), wire);
        assertEquals(s, json.readSession(wire));
    }

    @Test
    void unknownCheckinReasonReadsAsUnknownAndUnknownTypeStaysAString() {
        SideCarGatewaySession s = json.readSession("{\"RequestContentType\":\"GetBrand\",\"CheckinReason\":\"Future\"}");
        assertEquals(CheckinReason.UNKNOWN, s.checkinReason());
        assertEquals("GetBrand", s.requestContentType());
        assertTrue(s.requestType().isEmpty());
    }

    @Test
    void brokenEnvelopeAndBrokenClientInfoAreClearErrors() {
        assertThrows(PayloadFormatException.class, () -> json.readSession("{\"Key\":"));
        PayloadFormatException e = assertThrows(PayloadFormatException.class,
                () -> json.readSession("{\"ClientInfo\":\"{not json\"}"));
        assertTrue(e.getMessage().contains("ClientInfo"), e.getMessage());
    }

    @Test
    void responsePayloadEncodingFollowsTheRequestType() {
        String policies = "[{\"Id\":\"x\",\"Name\":\"é\"}]";
        String compressed = json.encodeResponseJson(RequestContentType.REQUEST_APPLICATION, policies);
        assertEquals(policies, json.decodeResponsePayload(RequestContentType.REQUEST_APPLICATION, compressed));
        assertEquals(policies, json.encodeResponseJson(RequestContentType.GET_CONTENT_INFO, policies));
        assertEquals("https://h/SideCarGatewayService/SideCarGatewaySessions('00000000-0000-4000-8000-000000000001')"
                + "?api-version=1.5", SideCarUrls.session("https://h/SideCarGatewayService/",
                UUID.fromString("00000000-0000-4000-8000-000000000001")));
    }
}
