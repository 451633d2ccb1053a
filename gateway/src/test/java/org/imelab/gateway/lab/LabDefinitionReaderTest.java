package org.imelab.gateway.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.imelab.gateway.protocol.SideCarJson;
import org.imelab.gateway.protocol.win32.Detection;
import org.imelab.gateway.protocol.win32.DetectionRule;
import org.imelab.gateway.protocol.win32.RequirementText;
import org.imelab.gateway.protocol.win32.ReturnCodeType;
import org.imelab.gateway.protocol.win32.Win32AppPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabDefinitionReaderTest {
    static final Instant START = Instant.parse("2026-05-01T12:00:00Z");
    @TempDir
    Path dir;
    final LabDefinitionReader reader = new LabDefinitionReader(new SideCarJson());

    private LabDefinition read(String json) throws Exception {
        Path file = dir.resolve("lab.json");
        Files.writeString(file, json);
        return reader.read(file, START);
    }

    private String error(String json) {
        return assertThrows(LabDefinitionException.class, () -> read(json)).getMessage();
    }

    private static String graphApp(String extra) {
        return "{\"graph\":{\"id\":\"A0000000-0000-4000-8000-00000000000A\",\"displayName\":\"A\",\"installCommandLine\":\"i\","
                + "\"detectionRules\":[{\"@odata.type\":\"#microsoft.graph.win32LobAppRegistryDetection\",\"keyPath\":\"HKLM\\\\X\","
                + "\"valueName\":\"V\",\"detectionType\":\"exists\"}]" + extra + "}}";
    }

    @Test
    void graphRulesFormWithScriptsTimesAndRelationshipsConverts() throws Exception {
        Files.writeString(dir.resolve("req.sh"), "#!/bin/sh\necho 1\n");
        LabDefinition def = read("{\"apps\":[{\"graph\":{\"id\":\"a0000000-0000-4000-8000-00000000000a\",\"displayName\":\"A\","
                + "\"installCommandLine\":\"i\",\"returnCodes\":[{\"returnCode\":3010,\"type\":\"softReboot\"},{\"returnCode\":7,\"type\":\"failed\"}],"
                + "\"rules\":[{\"@odata.type\":\"#microsoft.graph.win32LobAppFileSystemRule\",\"ruleType\":\"detection\",\"path\":\"C:\\\\X\","
                + "\"fileOrFolderName\":\"x.exe\",\"operationType\":\"version\",\"operator\":\"greaterThanOrEqual\",\"comparisonValue\":\"1.2\"},"
                + "{\"@odata.type\":\"#microsoft.graph.win32LobAppPowerShellScriptRule\",\"ruleType\":\"requirement\",\"scriptFile\":\"req.sh\","
                + "\"runAsAccount\":\"user\",\"operationType\":\"integer\",\"operator\":\"equal\",\"comparisonValue\":\"1\"}],"
                + "\"relationships\":[{\"@odata.type\":\"#microsoft.graph.mobileAppSupersedence\",\"targetId\":\"b0000000-0000-4000-8000-00000000000b\","
                + "\"targetType\":\"child\",\"supersedenceType\":\"replace\"}],"
                + "\"assignments\":[{\"intent\":\"required\",\"target\":{\"@odata.type\":\"#microsoft.graph.allDevicesAssignmentTarget\"}}]},"
                + "\"schedule\":{\"start\":\"-PT1H\",\"deadline\":\"PT2H\"}},"
                + graphApp("").replace("A0000000", "b0000000").replace("00000000000A", "00000000000b") + "]}");
        LabApp app = def.apps().getFirst();
        Win32AppPolicy p = ((LabApp.Source.Converted) app.windows()).template();
        Detection.File file = assertInstanceOf(Detection.File.class, p.detectionRules().getFirst().detection());
        assertEquals(4, file.detectionType());
        assertEquals(5, file.operator());
        RequirementText.Script req = assertInstanceOf(RequirementText.Script.class,
                p.extendedRequirementRules().getFirst().requirement());
        assertEquals("#!/bin/sh\necho 1\n", req.scriptText());
        assertEquals(2, req.runAsAccount());
        assertEquals(3, req.type());
        assertEquals(ReturnCodeType.SOFT_REBOOT, p.meaningOf(3010));
        assertEquals(ReturnCodeType.FAILED, p.meaningOf(7));
        assertEquals(110, app.relationships().getFirst().action());
        assertEquals(START.minusSeconds(3600), app.schedule().start().orElseThrow());
        assertEquals(START.plusSeconds(7200), app.schedule().deadlineInstant().orElseThrow());
        assertEquals(DetectionRule.class, p.detectionRules().getFirst().getClass());
    }

    @Test
    void sideCarRelationsKeepTheirActionAndAreChecked() throws Exception {
        String parent = "{\"sideCar\":{\"Id\":\"a0000000-0000-4000-8000-00000000000a\",\"Version\":1,\"FlatDependencies\":["
                + "{\"Action\":ACTION,\"AppId\":\"A0000000-0000-4000-8000-00000000000A\",\"ChildId\":\"CHILD\",\"Type\":0,\"Level\":0}]},"
                + "\"targets\":[\"allDevices\"]}";
        String child = ",{\"sideCar\":{\"Id\":\"b0000000-0000-4000-8000-00000000000b\",\"Version\":1,\"Intent\":0},"
                + "\"targets\":[\"allDevices\"]}";
        String guid = "B0000000-0000-4000-8000-00000000000B";
        for (int action : new int[] {0, 10, 100, 110}) {
            LabDefinition def = read("{\"apps\":[" + parent.replace("ACTION", "" + action).replace("CHILD", guid) + child + "]}");
            assertEquals(action, def.apps().getFirst().relationships().getFirst().action());
            assertEquals("b0000000-0000-4000-8000-00000000000b", def.apps().getFirst().relationships().getFirst().childId());
        }
        assertTrue(error("{\"apps\":[" + parent.replace("ACTION", "\"replace\"").replace("CHILD", guid) + child + "]}")
                .startsWith("apps[0].sideCar.FlatDependencies[0].Action: must be an integer"));
        assertTrue(error("{\"apps\":[" + parent.replace("\"Action\":ACTION,", "").replace("CHILD", guid) + child + "]}")
                .startsWith("apps[0].sideCar.FlatDependencies[0].Action:"));
        assertTrue(error("{\"apps\":[" + parent.replace("ACTION", "110").replace("CHILD", "old-app") + child + "]}")
                .startsWith("apps[0].sideCar.FlatDependencies[0].ChildId: must be the GUID"));
    }

    @Test
    void mistakesAreNamedByTheirPath() {
        assertTrue(error("{\"aps\":[]}").startsWith("aps: unknown key"));
        assertTrue(error("{\"apps\":[" + graphApp(",\"returnCodes\":[{\"returnCode\":1,\"type\":\"sometimes\"}]") + "]}")
                .startsWith("apps[0].graph.returnCodes[0].type: \"sometimes\" is not one of"));
        assertTrue(error("{\"apps\":[" + graphApp(",\"assignments\":[{\"intent\":\"required\",\"target\":{\"@odata.type\":"
                + "\"#microsoft.graph.groupAssignmentTarget\",\"groupId\":\"g\"}}]") + "]}").contains("group g"));
        assertTrue(error("{\"apps\":[{\"sideCar\":{\"Id\":\"a0000000-0000-4000-8000-00000000000a\",\"Version\":1},"
                + "\"targets\":[\"everyone\"]}]}").startsWith("apps[0].targets[0]: \"everyone\" is not a target"));
        assertTrue(error("{\"apps\":[" + graphApp(",\"relationships\":[{\"@odata.type\":\"#microsoft.graph.mobileAppDependency\","
                + "\"targetId\":\"f0000000-0000-4000-8000-00000000000f\"}]") + "]}").contains("which the lab does not have"));
        assertTrue(error("{\"apps\":[{\"content\":{\"folder\":\"nowhere\",\"setupFile\":\"x\"}," + graphApp("").substring(1)
                + "]}").startsWith("apps[0].content.folder: no such folder"));
        assertTrue(error("{\"apps\":[" + graphApp("") + "," + graphApp("") + "]}").contains("defined twice"));
        assertTrue(error("{\"apps\":[" + graphApp(",\"installExperience\":{\"runAsAccount\":\"admin\"}") + "]}")
                .startsWith("apps[0].graph.installExperience.runAsAccount"));
        assertTrue(error("{\"apps\":[1]}").startsWith("apps[0]: must be an object"));
        assertTrue(error("not json").contains("not valid JSON"));
    }

    @Test
    void faultsAreReadCheckedAndTheDeviceOnesServedInTheLabOnlyPolicyField() throws Exception {
        String sideCar = "{\"sideCar\":{\"Id\":\"c0000000-0000-4000-8000-00000000000c\",\"Version\":1,\"Name\":\"C\","
                + "\"InstallCommandLine\":\"i\"},\"targets\":[\"allDevices\"],\"faults\":{\"exitCode\":1603,"
                + "\"detection\":false,\"downloadFailure\":true}}";
        String graph = graphApp("").replace("}}", "},\"faults\":{\"gatewayError\":true,\"downloadFailure\":404}}");
        LabDefinition def = read("{\"apps\":[" + sideCar + "," + graph.replace("\"installCommandLine\":\"i\"",
                "\"installCommandLine\":\"i\",\"assignments\":[{\"intent\":\"required\",\"target\":"
                        + "{\"@odata.type\":\"#microsoft.graph.allDevicesAssignmentTarget\"}}]") + "]}");
        assertEquals(new LabFaults(1603, false, 503, false), def.apps().get(0).faults());
        assertEquals(new LabFaults(null, null, 404, true), def.apps().get(1).faults());

        LabPolicyBuilder builder = new LabPolicyBuilder(new SideCarJson());
        String served = builder.write(builder.policies(def, new DeviceContext("d", "PC", null, true),
                org.imelab.gateway.protocol.RequestContentType.REQUEST_APPLICATION));
        assertTrue(served.contains(",\"ImelabFaults\":{\"ExitCode\":1603,\"Detection\":false}}"), served);
        assertEquals(1, served.split("ImelabFaults", -1).length - 1, "only device-side faults travel: " + served);
        Win32AppPolicy parsed = new org.imelab.gateway.protocol.win32.Win32AppPolicyParser(new SideCarJson())
                .bind((com.fasterxml.jackson.databind.node.ObjectNode) new SideCarJson().readTree(served).get(0));
        assertEquals("{\"ExitCode\":1603,\"Detection\":false}", parsed.unknownFields().get("ImelabFaults").toString(),
                "the policy parser keeps the lab field");

        assertTrue(error("{\"apps\":[" + sideCar.replace("1603", "\"x\"") + "]}").startsWith("apps[0].faults.exitCode:"));
        assertTrue(error("{\"apps\":[" + sideCar.replace("\"detection\":false", "\"detection\":\"no\"") + "]}")
                .startsWith("apps[0].faults.detection:"));
        assertTrue(error("{\"apps\":[" + sideCar.replace("\"downloadFailure\":true", "\"downloadFailure\":200") + "]}")
                .startsWith("apps[0].faults.downloadFailure:"));
        assertTrue(error("{\"apps\":[" + sideCar.replace("\"exitCode\"", "\"exitcode\"") + "]}")
                .startsWith("apps[0].faults.exitcode: unknown key"));
    }

    @Test
    void defaultsAreTheLabIdentity() throws Exception {
        LabDefinition def = read("{}");
        assertEquals(LabDefinition.DEFAULT_ACCOUNT_ID, def.accountId());
        assertEquals(LabDefinition.DEFAULT_TENANT_ID, def.tenantId());
        assertEquals(null, def.checkinIntervalMinutes());
        assertEquals("lab.json", def.name());
    }
}
