package org.imelab.gateway.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import okhttp3.Response;
import org.imelab.certpicker.mdm.IntuneExtensionEncoding;
import org.imelab.gateway.protocol.CompressedPayload;
import org.imelab.gateway.protocol.RealArtefacts;
import org.imelab.gateway.protocol.RequestContentType;
import org.imelab.gateway.protocol.ServiceAddresses;
import org.imelab.gateway.protocol.SideCarGatewaySession;
import org.imelab.gateway.protocol.script.PlatformScriptPolicy;
import org.imelab.gateway.protocol.win32.Detection;
import org.imelab.gateway.protocol.win32.DeviceRestartBehavior;
import org.imelab.gateway.protocol.win32.Intent;
import org.imelab.gateway.protocol.win32.PolicySet;
import org.imelab.gateway.protocol.win32.RequirementText;
import org.imelab.gateway.protocol.win32.TargetType;
import org.imelab.gateway.protocol.win32.Win32AppPolicy;
import org.imelab.gateway.protocol.win32.Win32AppPolicyParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab gateway over real HTTPS on loopback, with OkHttp as the agent's client will use it. */
class LabGatewayTest {
    @TempDir
    static Path dir;
    static LabGateway gateway;
    static LabClient pc1;

    @BeforeAll
    static void start() throws Exception {
        gateway = LabGateway.start(LabConfig.of(LabFixture.write(dir.resolve("lab")), LabFixture.state(dir.resolve("state"))));
        pc1 = new LabClient(gateway).enroll("LAB-PC1");
    }

    @AfterAll
    static void stop() {
        gateway.stop();
    }

    private static PolicySet policies(LabClient client, RequestContentType type, boolean windows, String bearer)
            throws Exception {
        SideCarGatewaySession answer = client.session(type, "[]",
                windows ? LabClient.windowsClientInfo() : LabClient.linuxClientInfo(), bearer);
        assertEquals("PolicyResponse", answer.responseContentType());
        return new Win32AppPolicyParser(client.json).parse(CompressedPayload.decode(answer.responsePayload()));
    }

    private static Map<String, Win32AppPolicy> byId(PolicySet set) {
        return set.accepted().stream().collect(Collectors.toMap(Win32AppPolicy::id, p -> p));
    }

    @Test
    void sessionAnswerEchoesTheEnvelopeWithTheLabSettings() throws Exception {
        SideCarGatewaySession answer = pc1.session(RequestContentType.REQUEST_APPLICATION, "[]",
                LabClient.windowsClientInfo(), null);
        assertEquals("RequestApplication", answer.requestContentType());
        assertEquals(56, answer.checkinIntervalMinutes());
        assertEquals("DisableWin32V2AppProcessor", answer.enabledFlights());
        assertEquals("LAB-PC1", answer.clientInfo().deviceName());
        assertTrue(answer.odataMetadata().endsWith("/$metadata#SideCarGatewaySessions/@Element"));
        assertEquals(answer.key(), answer.sessionId());
    }

    @Test
    void devicePoliciesServeTheRealSampleUnchangedAndConvertGraphApps() throws Exception {
        PolicySet set = policies(pc1, RequestContentType.REQUEST_APPLICATION, true, null);
        Map<String, Win32AppPolicy> apps = byId(set);
        // the real policy, served through the records, is byte for byte what the service sent
        assertEquals(RealArtefacts.getPoliciesSample(),
                new Win32AppPolicyParser(pc1.json).write(List.of(apps.get(LabFixture.REAL_APP))));

        Win32AppPolicy graph = apps.get(LabFixture.GRAPH_REQUIRED);
        assertEquals(Intent.REQUIRED, graph.intentKind().orElseThrow());
        assertEquals(TargetType.DEVICE, graph.targetTypeKind().orElseThrow());
        assertEquals(2, graph.version());
        assertEquals(DeviceRestartBehavior.SUPPRESS, graph.installEx().restartBehavior().orElseThrow());
        assertEquals(30, graph.installEx().maxRunTimeInMinutes());
        assertEquals("10.0.14393", graph.requirementRules().minimumWindows10BuildNumber());
        assertEquals(2, graph.requirementRules().requiredOSArchitecture());
        assertEquals(100, graph.requirementRules().minimumFreeDiskSpaceInMB());
        assertInstanceOf(Detection.File.class, graph.detectionRules().getFirst().detection());
        RequirementText.Registry req = assertInstanceOf(RequirementText.Registry.class,
                graph.extendedRequirementRules().getFirst().requirement());
        assertEquals("pilot", req.value());
        assertEquals(2, graph.toastState());
        assertEquals(0, graph.doPriority());
        assertEquals(1440, graph.rebootEx().gracePeriod());
        assertEquals("2026-03-02T08:00:00Z", graph.startDeadlineEx().deadlineInstant().orElseThrow().toString());
        assertEquals(1, graph.dependencies().size());
        assertEquals(LabFixture.GRAPH_DEPENDENCY, graph.dependencies().getFirst().childId());

        // the dependency comes along, not targeted itself
        Win32AppPolicy dep = apps.get(LabFixture.GRAPH_DEPENDENCY);
        assertEquals(Intent.NOT_TARGETED, dep.intentKind().orElseThrow());
        // available apps never reach a userless session
        assertFalse(apps.containsKey(LabFixture.GRAPH_AVAILABLE));
    }

    @Test
    void aMalformedPolicyIsServedAsWrittenAndRejectedAloneByTheAgentsParser() throws Exception {
        PolicySet set = policies(pc1, RequestContentType.REQUEST_APPLICATION, true, null);
        assertEquals(1, set.rejected().size());
        assertEquals(LabFixture.MALFORMED_APP, set.rejected().getFirst().id());
        assertTrue(set.rejected().getFirst().reason().contains("ReturnCodes[4].Type 9"), set.rejected().getFirst().reason());
        assertEquals(3, set.accepted().size());
    }

    @Test
    void userSessionAddsTheUsersAppsAndExclusionsHold() throws Exception {
        String user = LabUserToken.bearer("12345678-0000-4000-8000-000000000001", LabDefinition.DEFAULT_TENANT_ID.toString());
        Map<String, Win32AppPolicy> apps = byId(policies(pc1, RequestContentType.REQUEST_APPLICATION, true, user));
        assertEquals(Intent.AVAILABLE, apps.get(LabFixture.GRAPH_AVAILABLE).intentKind().orElseThrow());
        assertEquals(TargetType.USER, apps.get(LabFixture.GRAPH_AVAILABLE).targetTypeKind().orElseThrow());
        assertTrue(apps.containsKey(LabFixture.GRAPH_REQUIRED), "device apps come with the user's");

        // GetAvailableApp: only available intents (the real sample is an available app too)
        Map<String, Win32AppPolicy> onlyAvailable = byId(policies(pc1, RequestContentType.GET_AVAILABLE_APP, true, user));
        assertEquals(java.util.Set.of(LabFixture.REAL_APP, LabFixture.GRAPH_AVAILABLE), onlyAvailable.keySet());
        Map<String, Win32AppPolicy> esp = byId(policies(pc1, RequestContentType.GET_SELECTED_APP, true, user));
        assertEquals(List.of(LabFixture.GRAPH_AVAILABLE), List.copyOf(esp.keySet()));

        String excluded = LabUserToken.bearer("99999999-0000-4000-8000-000000000099", LabDefinition.DEFAULT_TENANT_ID.toString());
        assertFalse(byId(policies(pc1, RequestContentType.REQUEST_APPLICATION, true, excluded))
                .containsKey(LabFixture.GRAPH_AVAILABLE));
    }

    @Test
    void anotherDeviceOutsideTheGroupGetsOnlyTheAllDevicesApps() throws Exception {
        LabClient other = new LabClient(gateway).enroll("LAB-PC2");
        Map<String, Win32AppPolicy> apps = byId(policies(other, RequestContentType.REQUEST_APPLICATION, true, null));
        assertEquals(List.of(LabFixture.REAL_APP), List.copyOf(apps.keySet()));
    }

    @Test
    void nonWindowsDevicesGetTheOverriddenForm() throws Exception {
        Win32AppPolicy linux = byId(policies(pc1, RequestContentType.REQUEST_APPLICATION, false, null))
                .get(LabFixture.GRAPH_REQUIRED);
        assertEquals("sh install.sh", linux.installCommandLine());
        Detection.Script script = assertInstanceOf(Detection.Script.class, linux.detectionRules().getFirst().detection());
        assertTrue(script.scriptText().startsWith("#!/bin/sh"));
        assertEquals("uninstall.cmd", linux.uninstallCommandLine(), "fields not overridden stay");
    }

    @Test
    void discoveryNamesTheSideCarUrl() throws Exception {
        try (Response r = pc1.get("/RestUserAuthLocationService/RestUserAuthLocationService/Certificate/ServiceAddresses")) {
            assertEquals(200, r.code());
            List<ServiceAddresses> answer = pc1.json.read(r.body().string(),
                    new com.fasterxml.jackson.core.type.TypeReference<List<ServiceAddresses>>() { });
            assertEquals(gateway.sideCarUrl(), ServiceAddresses.sideCarUrl(answer).orElseThrow());
        }
    }

    @Test
    void encodedQueryInThePathIsAcceptedAsTheRealServiceDoes() throws Exception {
        String url = gateway.sideCarUrl() + "/SideCarGatewaySessions('00000000-0000-0000-0000-000000000000')%3Fapi-version=1.5";
        String body = "{\"RequestPayload\":\"[]\",\"RequestContentType\":\"PolicyRequest\","
                + "\"ClientInfo\":\"{\\\"OperatingSystemVersion\\\":\\\"10.0.22631\\\",\\\"SideCarAgentVersion\\\":\\\"1.81.107.0\\\"}\","
                + "\"Key\":\"00000000-0000-0000-0000-000000000000\",\"SessionId\":\"00000000-0000-0000-0000-000000000000\"}";
        try (Response r = pc1.http.newCall(new okhttp3.Request.Builder().url(url)
                .put(okhttp3.RequestBody.create(body, LabClient.JSON)).build()).execute()) {
            assertEquals(200, r.code());
            SideCarGatewaySession s = pc1.json.readSession(r.body().string());
            assertTrue(s.responsePayload().contains("hello from the lab"), s.responsePayload());
        }
    }

    @Test
    void unknownRequestTypeAndBadEnvelopeAreClearErrors() throws Exception {
        String url = gateway.sideCarUrl() + "/SideCarGatewaySessions('" + java.util.UUID.randomUUID() + "')?api-version=1.5";
        try (Response r = pc1.http.newCall(new okhttp3.Request.Builder().url(url)
                .put(okhttp3.RequestBody.create("{\"RequestContentType\":\"GetMockApp\"}", LabClient.JSON)).build()).execute()) {
            assertEquals(400, r.code());
            JsonNode err = pc1.json.readTree(r.body().string());
            assertTrue(err.at("/odata.error/message/value").asText().contains("GetMockApp"));
        }
        try (Response r = pc1.http.newCall(new okhttp3.Request.Builder().url(url)
                .put(okhttp3.RequestBody.create("{\"Key\":", LabClient.JSON)).build()).execute()) {
            assertEquals(400, r.code());
        }
    }

    @Test
    void enrollmentCertificateCarriesTheIntuneExtensionsLikeARealOne() throws Exception {
        var cert = pc1.chain.getFirst();
        assertEquals("CN=" + pc1.deviceId(), cert.getSubjectX500Principal().getName());
        assertEquals("CN=Microsoft Intune MDM Device CA", cert.getIssuerX500Principal().getName());
        // .5.4: 16 raw bytes in .NET GUID order; .5.6 and .5.14: an OCTET STRING of 16 bytes (as on real ones)
        assertEquals(java.util.UUID.fromString(pc1.deviceId()), IntuneExtensionEncoding.decodeRawGuid(
                unwrap(cert.getExtensionValue("1.2.840.113556.5.4"))));
        assertEquals(LabDefinition.DEFAULT_ACCOUNT_ID, IntuneExtensionEncoding.decodeOctetStringGuid(
                unwrap(cert.getExtensionValue("1.2.840.113556.5.6"))));
        assertEquals(LabDefinition.DEFAULT_TENANT_ID, IntuneExtensionEncoding.decodeOctetStringGuid(
                unwrap(cert.getExtensionValue("1.2.840.113556.5.14"))));
        assertTrue(cert.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.2"));
        assertEquals(pc1.enrollment.accountId(), LabDefinition.DEFAULT_ACCOUNT_ID.toString());
    }

    @Test
    void scriptsAreServedAsWrittenInPlainJson() throws Exception {
        SideCarGatewaySession platform = pc1.session(RequestContentType.POLICY_REQUEST, "[]",
                LabClient.windowsClientInfo(), null);
        List<PlatformScriptPolicy> scripts = pc1.json.read(platform.responsePayload(),
                new com.fasterxml.jackson.core.type.TypeReference<List<PlatformScriptPolicy>>() { });
        assertEquals("Write-Output 'hello from the lab'", scripts.getFirst().policyBody());
        SideCarGatewaySession remediations = pc1.session(RequestContentType.GET_SCRIPT, "[]",
                LabClient.windowsClientInfo(), null);
        assertEquals("[]", remediations.responsePayload());
        assertEquals("ScriptResponse", remediations.responseContentType());
        assertNull(remediations.genericWorkloadResponse());
    }

    /** The extnValue of getExtensionValue is itself an OCTET STRING around the extension's bytes. */
    static byte[] unwrap(byte[] extensionValue) throws Exception {
        return org.bouncycastle.asn1.ASN1OctetString.getInstance(extensionValue).getOctets();
    }
}
