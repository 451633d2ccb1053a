package org.imelab.gateway.protocol.win32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.imelab.gateway.protocol.DotNetDate;
import org.imelab.gateway.protocol.PayloadFormatException;
import org.imelab.gateway.protocol.RealArtefacts;
import org.imelab.gateway.protocol.SideCarJson;
import org.junit.jupiter.api.Test;

class Win32AppPolicyParserTest {
    private final SideCarJson json = new SideCarJson();
    private final Win32AppPolicyParser parser = new Win32AppPolicyParser(json);

    @Test
    void realSampleRoundTripsByteForByte() {
        String real = RealArtefacts.getPoliciesSample();
        PolicySet set = parser.parse(real);
        assertEquals(List.of(), set.rejected());
        assertEquals(1, set.accepted().size());
        assertEquals(real, parser.write(set.accepted()));
    }

    @Test
    void realSampleIsTypedAllTheWayDown() {
        Win32AppPolicy p = parser.parse(RealArtefacts.getPoliciesSample()).accepted().getFirst();
        assertEquals("6e0911dd-6755-4eb7-8a75-ba02e685232b", p.id());
        assertEquals("GBL-WIN11-7z2501-x64", p.name());
        assertEquals("6e0911dd-6755-4eb7-8a75-ba02e685232b_1", p.keyName());
        assertEquals(Intent.AVAILABLE, p.intentKind().orElseThrow());
        assertEquals(TargetType.USER, p.targetTypeKind().orElseThrow());

        // third level of nesting: DetectionRule string -> DetectionText string -> file rule
        Detection.File file = assertInstanceOf(Detection.File.class, p.detectionRules().getFirst().detection());
        assertEquals("C:\\Program Files\\7-zip", file.path());
        assertEquals("7z.exe", file.fileOrFolderName());
        assertEquals(FileDetectionType.VERSION, file.kind().orElseThrow());
        assertEquals(Operator.GREATER_THAN_OR_EQUAL, file.operatorKind().orElseThrow());
        assertEquals("25.01.00.0", file.detectionValue());

        assertEquals("10.0.26100", p.requirementRules().minimumWindows10BuildNumber());
        assertEquals(32, p.requirementRules().requiredOSArchitecture());
        assertEquals(RunAs.SYSTEM, p.installEx().runAsKind().orElseThrow());
        assertEquals(DeviceRestartBehavior.ALLOW, p.installEx().restartBehavior().orElseThrow());
        assertEquals(ReturnCodeType.RETRY, p.meaningOf(1618));
        assertEquals(ReturnCodeType.HARD_REBOOT, p.meaningOf(1641));
        assertEquals(ReturnCodeType.SOFT_REBOOT, p.meaningOf(3010));
        assertEquals(ReturnCodeType.FAILED, p.meaningOf(1), "an unknown exit code is a failure");
        assertTrue(p.startDeadlineEx().startTime().isMinValue());
        assertTrue(p.startDeadlineEx().start().isEmpty());
        assertEquals(480, p.reevaluationMinutesOrDefault());
        assertEquals("ea57d2d6-fb24-45a9-a0d0-638eb33b93f4", p.scripts().getFirst().id());
        assertEquals(List.of(), p.extendedRequirementRules());
        assertFalse(p.isWinGetApp());
    }

    @Test
    void malformedPolicyIsRejectedAloneWithItsReason() {
        String real = RealArtefacts.getPoliciesSample();
        String good = real.substring(1, real.length() - 1);
        // the same app under another id, with a return code type the agent cannot interpret
        String badType = good.replace("6e0911dd-6755-4eb7-8a75-ba02e685232b", "11111111-2222-3333-4444-555555555555")
                .replace("{\\\"ReturnCode\\\":1618,\\\"Type\\\":4}", "{\\\"ReturnCode\\\":1618,\\\"Type\\\":9}");
        // an InstallEx whose inner JSON is broken
        String badNested = good.replace("6e0911dd-6755-4eb7-8a75-ba02e685232b", "22222222-2222-3333-4444-555555555555")
                .replace("\"InstallEx\":\"{", "\"InstallEx\":\"{{");
        String notObject = "42";
        PolicySet set = parser.parse("[" + badType + "," + good + "," + badNested + "," + notObject + "]");

        assertEquals(1, set.accepted().size());
        assertEquals("6e0911dd-6755-4eb7-8a75-ba02e685232b", set.accepted().getFirst().id());
        assertEquals(3, set.rejected().size());
        RejectedPolicy r0 = set.rejected().get(0);
        assertEquals(0, r0.index());
        assertEquals("11111111-2222-3333-4444-555555555555", r0.id());
        assertTrue(r0.reason().contains("ReturnCodes[4].Type 9"), r0.reason());
        RejectedPolicy r2 = set.rejected().get(1);
        assertEquals(2, r2.index());
        assertTrue(r2.reason().contains("InstallEx"), r2.reason());
        assertEquals(3, set.rejected().get(2).index());
        assertTrue(set.rejected().get(2).reason().contains("not a JSON object"));
    }

    @Test
    void unknownDetectionTypeAndBadDateAreReasons() {
        String good = strip(RealArtefacts.getPoliciesSample());
        String unknownType = good.replace("[{\\\"DetectionType\\\":2,", "[{\\\"DetectionType\\\":7,");
        String badDate = good.replace("\"StartTime\":\"\\/Date(-62135596800000)\\/\"", "\"StartTime\":\"yesterday\"");
        assertTrue(parser.parse("[" + unknownType + "]").rejected().getFirst().reason()
                .contains("DetectionType 7 is not a known rule type"));
        String reason = parser.parse("[" + badDate + "]").rejected().getFirst().reason();
        assertTrue(reason.contains("StartDeadlineEx.StartTime") && reason.contains("yesterday"), reason);
    }

    @Test
    void missingEssentialsAreNamed() {
        String good = strip(RealArtefacts.getPoliciesSample());
        String noId = good.replace("\"Id\":\"6e0911dd-6755-4eb7-8a75-ba02e685232b\"", "\"Id\":null");
        String noDetection = good.replaceFirst("\"DetectionRule\":\"\\[.*?\\]\",\"InstallCommandLine\"",
                "\"DetectionRule\":\"[]\",\"InstallCommandLine\"");
        assertTrue(parser.parse("[" + noId + "]").rejected().getFirst().reason().contains("Id must be a GUID"));
        assertTrue(parser.parse("[" + noDetection + "]").rejected().getFirst().reason()
                .contains("DetectionRule is empty"));
    }

    @Test
    void duplicateAppVersionIsRejected() {
        String good = strip(RealArtefacts.getPoliciesSample());
        PolicySet set = parser.parse("[" + good + "," + good + "]");
        assertEquals(1, set.accepted().size());
        assertTrue(set.rejected().getFirst().reason().contains("same app and version as policy #0"));
    }

    @Test
    void unknownFieldsAreKeptAndWrittenAfterTheKnownOnes() {
        String good = strip(RealArtefacts.getPoliciesSample());
        String withNew = good.substring(0, good.length() - 1) + ",\"FutureField\":{\"A\":[1,2]}}";
        PolicySet set = parser.parse("[" + withNew + "]");
        assertEquals("{\"A\":[1,2]}", set.accepted().getFirst().unknownFields().get("FutureField").toString());
        assertEquals("[" + withNew + "]", parser.write(set.accepted()));
    }

    @Test
    void notAnArrayFailsAsAWhole() {
        assertThrows(PayloadFormatException.class, () -> parser.parse("{\"Id\":1}"));
        assertThrows(PayloadFormatException.class, () -> parser.parse("[{"));
    }

    @Test
    void builtPolicyParsesBackEqual() {
        Win32AppPolicy built = Win32AppPolicy.builder("0f6a3b8e-5c1d-4e7a-9b2c-1d2e3f4a5b6c", "Built", 2)
                .detectionRules(List.of(
                        DetectionRule.of(new Detection.Registry("HKEY_LOCAL_MACHINE\\SOFTWARE\\X", "V", false,
                                RegistryDetectionType.VERSION.code(), Operator.EQUAL.code(), "1.0")),
                        DetectionRule.of(new Detection.Msi("{23170F69-40C1-2702-2501-000001000000}", 0, null)),
                        DetectionRule.of(Detection.Script.of("exit 0", false, true))))
                .extendedRequirementRules(List.of(ExtendedRequirementRule.of(new RequirementText.Script(
                        "ZXhpdCAw", 1, false, false, ScriptOutputType.INTEGER.code(), Operator.EQUAL.code(), "1"))))
                .installCommandLine("install.cmd")
                .startDeadlineEx(StartDeadlineEx.of(Instant.parse("2026-03-01T08:00:00Z"),
                        Instant.parse("2026-03-02T08:00:00Z")))
                .flatDependencies(List.of(new FlatDependency(10, "0f6a3b8e-5c1d-4e7a-9b2c-1d2e3f4a5b6c",
                        "1f6a3b8e-5c1d-4e7a-9b2c-1d2e3f4a5b6c", 0, 0)))
                .build();
        String wire = parser.write(List.of(built));
        assertTrue(wire.contains("\"StartTime\":\"\\/Date(1772352000000)\\/\""), wire);
        PolicySet back = parser.parse(wire);
        assertEquals(List.of(), back.rejected());
        assertEquals(built, back.accepted().getFirst());
        assertEquals(wire, parser.write(back.accepted()));
        assertEquals(1, back.accepted().getFirst().dependencies().size());
    }

    @Test
    void dotNetDateKeepsItsOffset() {
        assertEquals("\"\\/Date(1700000000000+0100)\\/\"", DotNetDate.parse("/Date(1700000000000+0100)/").toJson());
        assertThrows(IllegalArgumentException.class, () -> DotNetDate.parse("/Date(abc)/"));
    }

    private static String strip(String array) {
        return array.substring(1, array.length() - 1);
    }
}
