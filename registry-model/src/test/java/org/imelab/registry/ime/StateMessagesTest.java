package org.imelab.registry.ime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two state messages against the real value and the observed combinations of ime-behaviour.md C §1.2. */
class StateMessagesTest {

    /** The real registry value quoted in the artefact, line after the "Value ComplianceStateMessage" marker. */
    static String realComplianceStateMessage() throws IOException {
        try (InputStream in = StateMessagesTest.class.getResourceAsStream(
                "/real-artefacts/ime-logs/blog-appworkload-ps-installer-2026.txt")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (int i = 0; i < lines.size() - 1; i++) {
                if (lines.get(i).startsWith("# Value ComplianceStateMessage (REG_SZ)")) {
                    return lines.get(i + 1);
                }
            }
        }
        throw new AssertionError("the artefact lost its ComplianceStateMessage");
    }

    @Test
    void theRealComplianceStateMessageRoundTripsByteForByte() throws IOException {
        String real = realComplianceStateMessage();
        ComplianceStateMessage m = ComplianceStateMessage.parse(real);

        assertEquals(Applicability.Applicable, m.applicability());
        assertEquals(ComplianceState.Installed, m.complianceState());
        assertEquals(DesiredState.Present, m.desiredState());
        assertNull(m.errorCode());
        assertEquals(TargetingMethod.EgatTargetedApplication, m.targetingMethod());
        assertEquals(InstallContext.System, m.installContext());
        assertEquals(TargetType.User, m.targetType());
        assertNull(m.productVersion());
        assertNull(m.assignmentFilterIds());
        assertEquals(real, m.toJson());
    }

    @Test
    void anInstalledSystemAppIsWrittenExactlyLikeTheAgentDoes() {
        ComplianceStateMessage m = ComplianceStateMessage.of(Applicability.Applicable, ComplianceState.Installed,
                DesiredState.Present, null, TargetingMethod.EgatTargetedApplication, InstallContext.System, TargetType.User);
        assertEquals("{\"Applicability\":0,\"ComplianceState\":1,\"DesiredState\":2,\"ErrorCode\":null,"
                + "\"TargetingMethod\":0,\"InstallContext\":2,\"TargetType\":1,\"ProductVersion\":null,"
                + "\"AssignmentFilterIds\":null}", m.toJson());
    }

    @Test
    void requirementNotMetCombinations() {
        for (Applicability a : List.of(Applicability.ScriptRequirementRuleNotMet,
                Applicability.FileSystemRequirementRuleNotMet, Applicability.RegistryRequirementRuleNotMet)) {
            ComplianceStateMessage m = ComplianceStateMessage.of(a, ComplianceState.NotInstalled, DesiredState.None,
                    null, TargetingMethod.EgatTargetedApplication, InstallContext.System, TargetType.Device);
            String json = m.toJson();
            assertTrue(json.startsWith("{\"Applicability\":" + a.code() + ",\"ComplianceState\":2,\"DesiredState\":0,"), json);
            assertEquals(m, ComplianceStateMessage.parse(json));
        }
        assertEquals(1008, Applicability.ScriptRequirementRuleNotMet.code());
        assertEquals(1006, Applicability.FileSystemRequirementRuleNotMet.code());
        assertEquals(1007, Applicability.RegistryRequirementRuleNotMet.code());
    }

    @Test
    void installRanButStillNotDetected() {
        EnforcementStateMessage e = new EnforcementStateMessage(EnforcementState.Error, 0x87D1041C,
                TargetingMethod.EgatTargetedApplication);
        assertEquals("{\"EnforcementState\":5000,\"ErrorCode\":-2016345060,\"TargetingMethod\":0}", e.toJson());
        assertEquals(e, EnforcementStateMessage.parse(e.toJson()));
        assertTrue(e.enforcementState().isError());
    }

    @Test
    void uninstallSucceeded() {
        ComplianceStateMessage c = ComplianceStateMessage.of(Applicability.Applicable, ComplianceState.NotInstalled,
                DesiredState.NotPresent, 0, TargetingMethod.EgatTargetedApplication, InstallContext.System, TargetType.Device);
        EnforcementStateMessage e = new EnforcementStateMessage(EnforcementState.Success, 0, TargetingMethod.EgatTargetedApplication);
        assertTrue(c.toJson().contains("\"DesiredState\":1,\"ErrorCode\":0,"), c.toJson());
        assertEquals("{\"EnforcementState\":1000,\"ErrorCode\":0,\"TargetingMethod\":0}", e.toJson());
        assertTrue(e.enforcementState().isSuccess());
    }

    @Test
    void userContextAppDuringAUserlessCheckIn() {
        ComplianceStateMessage c = ComplianceStateMessage.of(Applicability.AppUnsupportedDueToUnknownReason,
                ComplianceState.Unknown, DesiredState.Present, null, TargetingMethod.EgatTargetedApplication,
                InstallContext.User, TargetType.Device);
        assertTrue(c.toJson().startsWith("{\"Applicability\":1011,\"ComplianceState\":5,"), c.toJson());
    }

    @Test
    void productVersionAndFiltersAreWrittenInPlaceAndEscaped() {
        ComplianceStateMessage m = new ComplianceStateMessage(Applicability.Applicable, ComplianceState.Installed,
                DesiredState.Present, 3010, TargetingMethod.DependencyOfEgatTargetedApplication, InstallContext.User,
                TargetType.BothDeviceAndUser, "1.2.3 \"beta\"",
                List.of("0b1c2d3e-0000-4000-8000-000000000001", "0b1c2d3e-0000-4000-8000-000000000002"));
        String json = m.toJson();
        assertEquals("{\"Applicability\":0,\"ComplianceState\":1,\"DesiredState\":2,\"ErrorCode\":3010,"
                + "\"TargetingMethod\":1,\"InstallContext\":1,\"TargetType\":3,\"ProductVersion\":\"1.2.3 \\\"beta\\\"\","
                + "\"AssignmentFilterIds\":[\"0b1c2d3e-0000-4000-8000-000000000001\",\"0b1c2d3e-0000-4000-8000-000000000002\"]}",
                json);
        assertEquals(m, ComplianceStateMessage.parse(json));
    }

    @Test
    void parsingAcceptsAnyOrderSpacingAndUnsignedErrorCodes() {
        EnforcementStateMessage e = EnforcementStateMessage.parse(
                " { \"TargetingMethod\" : 1 , \"ErrorCode\" : 2278622236, \"EnforcementState\" : 2000 } ");
        assertEquals(new EnforcementStateMessage(EnforcementState.InProgress, -2016345060,
                TargetingMethod.DependencyOfEgatTargetedApplication), e);
    }

    @Test
    void malformedMessagesAreRefusedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> EnforcementStateMessage.parse("not json"));
        assertThrows(IllegalArgumentException.class, () -> EnforcementStateMessage.parse("[1,2]"));
        assertThrows(IllegalArgumentException.class, () -> EnforcementStateMessage.parse("{\"EnforcementState\":1000} {}"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> EnforcementStateMessage.parse("{\"EnforcementState\":7777,\"ErrorCode\":0,\"TargetingMethod\":0}"));
        assertTrue(unknown.getMessage().contains("7777"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ComplianceStateMessage.parse("{\"Applicability\":\"0\"}"));
        assertThrows(IllegalArgumentException.class,
                () -> ComplianceStateMessage.parse("{\"ErrorCode\":99999999999}"));
    }

    @Test
    void codesAreTheRealOnes() {
        assertEquals(100, ComplianceState.Cleanup.code());
        assertEquals(4, DesiredState.Available.code());
        assertEquals(3, Intent.RequiredInstall.code());
        assertEquals(4, Intent.RequiredUninstall.code());
        assertEquals(5007, EnforcementState.ErrorWaitingRetry.code());
        assertEquals(5999, EnforcementState.ErrorWithImmeadiateRetry.code());
        assertEquals(6013, EnforcementState.NotAttemptedUnsupportedOrIndeterminateSupersededApp.code());
        assertEquals(1018, EnforcementState.SuccessUninstallingSupersededApps.code());
        assertEquals(EnforcementState.InProgressPendingReboot, EnforcementState.ofCode(2008).orElseThrow());
        assertTrue(Applicability.ofCode(2).isEmpty());
        for (Class<? extends Enum<?>> type : List.of(Applicability.class, ComplianceState.class, DesiredState.class,
                EnforcementState.class, TargetingMethod.class, InstallContext.class, TargetType.class, Intent.class,
                DetectionState.class)) {
            long distinct = java.util.Arrays.stream(type.getEnumConstants()).mapToInt(c -> ((ImeCode) c).code()).distinct().count();
            assertEquals(type.getEnumConstants().length, distinct, type + " has two constants with one code");
        }
    }
}
