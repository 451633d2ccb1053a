package org.imelab.agent.win32app.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.imelab.agent.win32app.lifecycle.AppResult;
import org.imelab.registry.ime.Applicability;
import org.imelab.registry.ime.DetectionState;
import org.imelab.registry.ime.InstallContext;
import org.imelab.registry.ime.TargetType;
import org.imelab.registry.ime.TargetingMethod;
import org.junit.jupiter.api.Test;

/** The observed state combinations of ime-behaviour.md C §1.2 as test vectors of the one mapping table. */
class AppStateTableTest {

    static AppStateTable.Context ctx(boolean uninstall, boolean executed, Applicability a, Integer code) {
        return new AppStateTable.Context(uninstall, executed, a, code, TargetingMethod.EgatTargetedApplication,
                InstallContext.System, TargetType.User, null);
    }

    @Test
    void installedIsTheVerbatimRaduSample() {
        AppStateTable.Row row = AppStateTable.of(AppResult.INSTALLED, ctx(false, false, Applicability.Applicable, null));
        assertEquals("{\"Applicability\":0,\"ComplianceState\":1,\"DesiredState\":2,\"ErrorCode\":null,"
                + "\"TargetingMethod\":0,\"InstallContext\":2,\"TargetType\":1,\"ProductVersion\":null,"
                + "\"AssignmentFilterIds\":null}", row.compliance().toJson());
        assertEquals(Optional.empty(), row.enforcement(), "a re-detection does not touch the enforcement record");
        assertEquals(DetectionState.Detected, row.detection());
    }

    @Test
    void notDetectedAfterInstallIs5000With0x87D1041C() {
        AppStateTable.Row row = AppStateTable.of(AppResult.FAILED_NOT_DETECTED, ctx(false, true, Applicability.Applicable, 0));
        assertEquals(0, row.compliance().applicability().code());
        assertEquals(2, row.compliance().desiredState().code());
        assertEquals("{\"EnforcementState\":5000,\"ErrorCode\":-2016345060,\"TargetingMethod\":0}",
                row.enforcement().orElseThrow().toJson());
    }

    @Test
    void uninstallSuccessIsDesiredState1Enforcement1000ErrorCode0() {
        AppStateTable.Row row = AppStateTable.of(AppResult.NOT_PRESENT, ctx(true, true, Applicability.Applicable, 0));
        assertEquals(1, row.compliance().desiredState().code());
        assertEquals("{\"EnforcementState\":1000,\"ErrorCode\":0,\"TargetingMethod\":0}",
                row.enforcement().orElseThrow().toJson());
    }

    @Test
    void softRebootIs3010WithASuccessState() {
        AppStateTable.Row row = AppStateTable.of(AppResult.INSTALLED_SOFT_REBOOT, ctx(false, true, Applicability.Applicable, 3010));
        assertEquals(3010, row.enforcement().orElseThrow().errorCode());
        assertTrue(row.enforcement().orElseThrow().enforcementState().isSuccess());
        assertEquals(1, row.compliance().complianceState().code());
    }

    /** Uninstalls asking for a restart record the exit code as the install reboot rows do, in both messages. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"UNINSTALLED_SOFT_REBOOT,3010,1011", "UNINSTALLED_HARD_REBOOT,1641,2011"})
    void anUninstallPendingARebootIsNotInstalledWithTheExitCode(AppResult result, int exit, int state) {
        AppStateTable.Row row = AppStateTable.of(result, ctx(true, true, Applicability.Applicable, exit));
        assertEquals("{\"Applicability\":0,\"ComplianceState\":2,\"DesiredState\":1,\"ErrorCode\":" + exit
                + ",\"TargetingMethod\":0,\"InstallContext\":2,\"TargetType\":1,\"ProductVersion\":null,"
                + "\"AssignmentFilterIds\":null}", row.compliance().toJson());
        assertEquals("{\"EnforcementState\":" + state + ",\"ErrorCode\":" + exit + ",\"TargetingMethod\":0}",
                row.enforcement().orElseThrow().toJson());
        assertEquals(DetectionState.NotDetected, row.detection());
        AppStateTable.Row install = AppStateTable.of(result == AppResult.UNINSTALLED_SOFT_REBOOT
                ? AppResult.INSTALLED_SOFT_REBOOT : AppResult.INSTALLED_HARD_REBOOT,
                ctx(false, true, Applicability.Applicable, exit));
        assertEquals(install.compliance().errorCode(), row.compliance().errorCode(), "as the install row");
        assertEquals(install.enforcement().orElseThrow().errorCode(), row.enforcement().orElseThrow().errorCode());
    }

    @Test
    void requirementNotMetKeepsItsCodeWithComplianceState2AndDesiredState0() {
        for (Applicability a : new Applicability[] {Applicability.ScriptRequirementRuleNotMet,
                Applicability.FileSystemRequirementRuleNotMet, Applicability.RegistryRequirementRuleNotMet}) {
            AppStateTable.Row row = AppStateTable.of(AppResult.NOT_APPLICABLE, ctx(false, false, a, null));
            assertEquals(a, row.compliance().applicability());
            assertEquals(2, row.compliance().complianceState().code());
            assertEquals(0, row.compliance().desiredState().code());
            assertEquals(Optional.empty(), row.enforcement());
        }
    }

    @Test
    void aParentOfAFailedDependencyIsNotAttempted6001() {
        AppStateTable.Row row = AppStateTable.of(AppResult.NOT_ATTEMPTED_DEPENDENCY_FAILED,
                ctx(false, false, Applicability.Applicable, null));
        assertEquals(6001, row.enforcement().orElseThrow().enforcementState().code());
    }

    static String enforcementOf(AppResult r, Integer code) {
        return AppStateTable.of(r, new AppStateTable.Context(r == AppResult.REMOVED_BY_SUPERSEDENCE, true,
                Applicability.Applicable, code, TargetingMethod.DependencyOfEgatTargetedApplication,
                InstallContext.System, TargetType.None, null)).enforcement().map(e -> e.toJson()).orElse("none");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "DEPENDENCY_DETECTED|                                |{\"EnforcementState\":1000,\"ErrorCode\":0,\"TargetingMethod\":1}",
        "NOT_ATTEMPTED_AUTO_INSTALL_OFF|                     |{\"EnforcementState\":6004,\"ErrorCode\":null,\"TargetingMethod\":1}",
        "NOT_ATTEMPTED_DEPENDENCY_AUTO_INSTALL_OFF|          |{\"EnforcementState\":6005,\"ErrorCode\":null,\"TargetingMethod\":1}",
        "INSTALLED_DEPENDENCY_AUTO_INSTALL_OFF|              |{\"EnforcementState\":1007,\"ErrorCode\":null,\"TargetingMethod\":1}",
        "SUPERSEDED_DETECTED|                                |none",
        "SUPERSEDING_APPS_DETECTED|                          |{\"EnforcementState\":1014,\"ErrorCode\":null,\"TargetingMethod\":1}",
        "INSTALLED_SUPERSEDED_APPS_DETECTED|                 |{\"EnforcementState\":1015,\"ErrorCode\":0,\"TargetingMethod\":1}",
        "REMOVED_BY_SUPERSEDENCE|0                           |{\"EnforcementState\":1016,\"ErrorCode\":0,\"TargetingMethod\":1}",
        "REPLACED_NOT_PRESENT|                               |none",
        "FAILED_SUPERSEDED_UNINSTALL|1603                    |{\"EnforcementState\":5008,\"ErrorCode\":1603,\"TargetingMethod\":1}",
        "FAILED_SUPERSEDED_STILL_DETECTED|0                  |{\"EnforcementState\":5008,\"ErrorCode\":-2016345059,\"TargetingMethod\":1}",
        "NOT_ATTEMPTED_SUPERSEDED_UNINSTALL_FAILED|1603      |{\"EnforcementState\":6009,\"ErrorCode\":1603,\"TargetingMethod\":1}",
        "PENDING_UNINSTALL_OF_SUPERSEDED_APPS|               |{\"EnforcementState\":2010,\"ErrorCode\":null,\"TargetingMethod\":1}",
        "INSTALLED_SUPERSEDED_UNINSTALL_FAILED|1603          |{\"EnforcementState\":1012,\"ErrorCode\":1603,\"TargetingMethod\":1}",
        "REMOVED_BY_SUPERSEDENCE_SOFT_REBOOT|3010            |{\"EnforcementState\":1016,\"ErrorCode\":3010,\"TargetingMethod\":1}",
        "REMOVED_BY_SUPERSEDENCE_HARD_REBOOT|1641            |{\"EnforcementState\":2011,\"ErrorCode\":1641,\"TargetingMethod\":1}",
        "INSTALLED_SUPERSEDED_UNINSTALL_PENDING_REBOOT|0     |{\"EnforcementState\":1013,\"ErrorCode\":0,\"TargetingMethod\":1}",
        "INSTALLED_SUPERSEDED_UNINSTALL_PENDING_REBOOT|      |{\"EnforcementState\":1013,\"ErrorCode\":0,\"TargetingMethod\":1}",
        "NOT_ATTEMPTED_SUPERSEDED_UNINSTALL_PENDING_REBOOT|  |{\"EnforcementState\":6010,\"ErrorCode\":null,\"TargetingMethod\":1}"})
    void relationsHaveTheirOwnCodes(AppResult result, Integer code, String expected) {
        assertEquals(expected, enforcementOf(result, code));
    }

    @Test
    void aReplacedAppIsWantedNotPresentAndAKeptOneNeither() {
        AppStateTable.Context c = ctx(false, true, Applicability.Applicable, 0);
        assertEquals(1, AppStateTable.of(AppResult.REMOVED_BY_SUPERSEDENCE, c).compliance().desiredState().code());
        assertEquals(1, AppStateTable.of(AppResult.FAILED_SUPERSEDED_UNINSTALL, c).compliance().desiredState().code());
        assertEquals(1, AppStateTable.of(AppResult.FAILED_SUPERSEDED_UNINSTALL, c).compliance().complianceState().code(),
                "still installed");
        assertEquals(0, AppStateTable.of(AppResult.SUPERSEDED_DETECTED, c).compliance().desiredState().code());
        assertEquals(1, AppStateTable.of(AppResult.SUPERSEDED_DETECTED, c).compliance().complianceState().code());
        assertEquals(2, AppStateTable.of(AppResult.NOT_ATTEMPTED_AUTO_INSTALL_OFF, c).compliance().complianceState().code());
    }

    /** A result that waited for a restart completes as a plain success, though nothing ran in this pass. */
    @Test
    void resultsCompletedAfterARestartAreSuccess1000WithErrorCode0() {
        AppStateTable.Row installed = AppStateTable.of(AppResult.INSTALLED_AFTER_RESTART,
                ctx(false, false, Applicability.Applicable, null));
        assertEquals("{\"EnforcementState\":1000,\"ErrorCode\":0,\"TargetingMethod\":0}",
                installed.enforcement().orElseThrow().toJson());
        assertEquals(1, installed.compliance().complianceState().code());
        assertEquals(2, installed.compliance().desiredState().code());
        AppStateTable.Row removed = AppStateTable.of(AppResult.UNINSTALLED_AFTER_RESTART,
                ctx(true, false, Applicability.Applicable, null));
        assertEquals("{\"EnforcementState\":1000,\"ErrorCode\":0,\"TargetingMethod\":0}",
                removed.enforcement().orElseThrow().toJson());
        assertEquals(2, removed.compliance().complianceState().code());
        assertEquals(1, removed.compliance().desiredState().code());
        assertEquals(null, removed.compliance().errorCode());
    }
}
