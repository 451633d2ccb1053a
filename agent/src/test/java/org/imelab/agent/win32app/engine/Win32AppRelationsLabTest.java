package org.imelab.agent.win32app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.imelab.gateway.protocol.win32.FlatDependency;
import org.imelab.gateway.protocol.win32.Intent;
import org.imelab.gateway.protocol.win32.RequirementRules;
import org.imelab.registry.ime.Scope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Dependencies with "automatically install" off and supersedence (Update, Replace), end to end:
 * the lab gateway serves the relations in {@code FlatDependencies} over HTTPS, the engine runs the
 * real sh installers and uninstallers, and the registry's state messages and the reports say what
 * an Intune admin expects.
 */
class Win32AppRelationsLabTest extends EngineLabCase {
    // the lab (and its registry) lives for the class: each test has apps and markers of its own
    String needs;
    String prereq;
    String newer;
    String older;

    @BeforeEach
    void ids() {
        needs = "c1000000-0000-4000-8000-0000000000" + n;
        prereq = "c2000000-0000-4000-8000-0000000000" + n;
        newer = "c3000000-0000-4000-8000-0000000000" + n;
        older = "c4000000-0000-4000-8000-0000000000" + n;
    }

    /** A parent needing prereq with "automatically install" off (Action 0). */
    void detectOnlyPair() throws Exception {
        Files.deleteIfExists(orderFile());
        lab.app(EngineLab.policy(needs, "Needs Prereq " + n, m("needs"))
                .flatDependencies(List.of(new FlatDependency(0, needs, prereq, 0, 0))).build(),
                step("install-needs") + "\n" + EngineLab.createMarker(m("needs")), null);
        lab.app(EngineLab.policy(prereq, "Prereq " + n, m("prereq")).intent(Intent.NOT_TARGETED).build(),
                step("install-prereq") + "\n" + EngineLab.createMarker(m("prereq")), null);
    }

    @Test
    void aDetectOnlyDependencyThatIsMissingIsNeverInstalledAndHoldsItsParentBack() throws Exception {
        Files.deleteIfExists(lab.marker(m("prereq")));
        detectOnlyPair();
        lab.checkIn();
        assertEquals(List.of(), steps(), "neither installer ran");
        // the dependency: not installed because "automatically install" is off (6004)
        assertEquals("{\"EnforcementState\":6004,\"ErrorCode\":null,\"TargetingMethod\":1}", enforcementJson(prereq));
        assertTrue(complianceJson(prereq).startsWith("{\"Applicability\":0,\"ComplianceState\":2,\"DesiredState\":2,"
                + "\"ErrorCode\":null,\"TargetingMethod\":1,\"InstallContext\":2,\"TargetType\":0,"), complianceJson(prereq));
        // the parent: not attempted, its dependency has auto-install off (6005); nothing failed, so no GRS
        assertEquals("{\"EnforcementState\":6005,\"ErrorCode\":null,\"TargetingMethod\":0}", enforcementJson(needs));
        assertTrue(complianceJson(needs).contains("\"ComplianceState\":2,\"DesiredState\":2"), complianceJson(needs));
        assertTrue(lab.ime.grs().find(Scope.DEVICE, needs).isEmpty());
        assertEquals(6005, reported(needs).orElseThrow().enforcementStateMessage().enforcementState());
        assertTrue(log.messages().contains("----[Win32App] app with name = Prereq " + n + " dependency detect only is True"));
        assertTrue(log.messages().contains("[Win32App][ActionProcessor] Found: 1 apps with intent to install: ["
                + needs + "]."), () -> String.join("\n", log.messages()));

        // the prerequisite is installed by other means; the next re-evaluation (8 hours) installs the parent
        installed(m("prereq"));
        lab.scheduler.advanceBy(Duration.ofHours(8));
        lab.checkIn();
        assertEquals(List.of("install-needs"), steps());
        assertEquals("{\"EnforcementState\":1000,\"ErrorCode\":0,\"TargetingMethod\":0}", enforcementJson(needs));
        assertTrue(complianceJson(prereq).contains("\"ComplianceState\":1,"), complianceJson(prereq));
        assertEquals("{\"EnforcementState\":1000,\"ErrorCode\":0,\"TargetingMethod\":1}", enforcementJson(prereq),
                "no 6004 left behind");
    }

    @Test
    void aDetectedDetectOnlyDependencyLetsItsParentInstall() throws Exception {
        installed(m("prereq")); // installed by hand, or by another assignment
        detectOnlyPair();
        lab.checkIn();
        assertEquals(List.of("install-needs"), steps(), "only the parent's installer ran");
        assertTrue(complianceJson(prereq).startsWith("{\"Applicability\":0,\"ComplianceState\":1,\"DesiredState\":2,"),
                complianceJson(prereq));
        assertEquals("{\"EnforcementState\":1000,\"ErrorCode\":0,\"TargetingMethod\":1}", enforcementJson(prereq),
                "detected: the dependency is satisfied, though never installed by the agent");
        assertEquals("{\"EnforcementState\":1000,\"ErrorCode\":0,\"TargetingMethod\":0}", enforcementJson(needs));
        Files.delete(lab.marker(m("prereq")));
    }

    /** newer supersedes older with this action; older is detected by old.txt, newer's installer runs {@code install}. */
    void supersedencePair(int action, String install, String oldUninstall) throws Exception {
        Files.deleteIfExists(orderFile());
        lab.app(EngineLab.policy(newer, "Tool 2.0", m("new"))
                .flatDependencies(List.of(new FlatDependency(action, newer, older, 0, 0))).build(),
                step("install-new") + "\n" + install + "\n" + EngineLab.createMarker(m("new")), null);
        lab.app(EngineLab.policy(older, "Tool 1.0", m("old")).intent(Intent.NOT_TARGETED).build(),
                step("install-old") + "\n" + EngineLab.createMarker(m("old")), oldUninstall);
    }

    @Test
    void updateInstallsTheSuccessorAndLeavesTheSupersededAppToIt() throws Exception {
        installed(m("old"));
        // the 2.0 installer upgrades in place: the 1.0 files are gone afterwards
        supersedencePair(100, "rm -f \"$ProgramData/imelab/" + m("old") + "\"", step("uninstall-old"));
        lab.checkIn();
        assertEquals(List.of("install-new"), steps(), "the superseded app is not uninstalled by Update");
        assertEquals("{\"EnforcementState\":1000,\"ErrorCode\":0,\"TargetingMethod\":0}", enforcementJson(newer));
        // looked at after the upgrade: gone, wanted neither present nor absent, never enforced
        assertTrue(complianceJson(older).startsWith("{\"Applicability\":0,\"ComplianceState\":2,\"DesiredState\":0,"),
                complianceJson(older));
        assertEquals("none", enforcementJson(older));
        assertTrue(log.messages().contains("[Win32App][ActionProcessor] Found: 0 apps with intent to uninstall before "
                + "enforcing installs: []."));
    }

    @Test
    void anUpdatedAppStillDetectedBesideItsSuccessorSaysSo() throws Exception {
        installed(m("old"));
        supersedencePair(100, "true", step("uninstall-old")); // a side-by-side install
        lab.checkIn();
        assertEquals(List.of("install-new"), steps());
        assertTrue(complianceJson(older).startsWith("{\"Applicability\":0,\"ComplianceState\":1,\"DesiredState\":0,"),
                complianceJson(older));
        assertEquals("{\"EnforcementState\":1014,\"ErrorCode\":null,\"TargetingMethod\":1}", enforcementJson(older),
                "SuccessSupersedingAppsDetected");
        assertEquals("{\"EnforcementState\":1015,\"ErrorCode\":0,\"TargetingMethod\":0}", enforcementJson(newer),
                "SuccessSupersededAppsDetected");
        assertEquals(1015, reported(newer).orElseThrow().enforcementStateMessage().enforcementState(),
                "the gateway got the amended result, not the first one");
        Files.delete(lab.marker(m("old")));
    }

    @Test
    void replaceUninstallsTheOldAppFirstThenInstallsTheNewOne() throws Exception {
        installed(m("old"));
        supersedencePair(110, "test ! -f \"$ProgramData/imelab/" + m("old") + "\" || exit 1603",
                step("uninstall-old") + "\nrm -f \"$ProgramData/imelab/" + m("old") + "\"");
        lab.checkIn();
        assertEquals(List.of("uninstall-old", "install-new"), steps(), "children first: the old app goes before");
        assertFalse(Files.exists(lab.marker(m("old"))));
        assertTrue(Files.exists(lab.marker(m("new"))));
        assertTrue(complianceJson(older).startsWith("{\"Applicability\":0,\"ComplianceState\":2,\"DesiredState\":1,"
                + "\"ErrorCode\":null,\"TargetingMethod\":1,"), complianceJson(older));
        assertEquals("{\"EnforcementState\":1016,\"ErrorCode\":0,\"TargetingMethod\":1}", enforcementJson(older),
                "SuccessAppRemovedBySupersedence");
        assertEquals("{\"EnforcementState\":1000,\"ErrorCode\":0,\"TargetingMethod\":0}", enforcementJson(newer));
        assertTrue(log.messages().contains("[Win32App][ActionProcessor] Found: 1 apps with intent to uninstall before "
                + "enforcing installs: [" + older + "]."));
        assertTrue(log.messages().contains("[Win32App][ExecutionActionHandler] Handler invoked with execution type: "
                + "Uninstall for policy with id: " + older));

        // the next check-in finds the old app gone and does not run anything again
        lab.scheduler.advanceBy(Duration.ofHours(9));
        lab.checkIn();
        assertEquals(List.of("uninstall-old", "install-new"), steps());
        assertEquals("{\"EnforcementState\":1016,\"ErrorCode\":0,\"TargetingMethod\":1}", enforcementJson(older));
        Files.delete(lab.marker(m("new")));
    }

    @Test
    void aFailedUninstallOfTheReplacedAppBlocksItsSuccessorWithTheError() throws Exception {
        installed(m("old"));
        supersedencePair(110, "true", step("uninstall-old") + "\necho 1603 > \"$IMELAB_EXIT_CODE_FILE\"; exit 1");
        lab.checkIn();
        assertEquals(List.of("uninstall-old"), steps(), "the new app is not installed over the old one");
        assertTrue(Files.exists(lab.marker(m("old"))));
        assertEquals("{\"EnforcementState\":5008,\"ErrorCode\":1603,\"TargetingMethod\":1}", enforcementJson(older),
                "ERROR_UNINSTALLING_SUPERSEDENCE");
        assertTrue(complianceJson(older).startsWith("{\"Applicability\":0,\"ComplianceState\":1,\"DesiredState\":1,"
                + "\"ErrorCode\":1603,"), complianceJson(older));
        assertEquals("{\"EnforcementState\":6009,\"ErrorCode\":1603,\"TargetingMethod\":0}", enforcementJson(newer),
                "NotAttemptedSupersededAppUninstallFailed, with the uninstaller's error");
        assertEquals(6009, reported(newer).orElseThrow().enforcementStateMessage().enforcementState());
        assertEquals(1603, reported(newer).orElseThrow().enforcementStateMessage().errorCode());
        assertTrue(lab.ime.grs().find(Scope.DEVICE, older).isPresent());
        assertTrue(lab.ime.grs().find(Scope.DEVICE, newer).isPresent());
        Files.delete(lab.marker(m("old")));
    }

    @Test
    void aRetryOfTheReplacedAppsUninstallHoldsTheSuccessorInProgressUntilItIsGone() throws Exception {
        installed(m("old"));
        Path tried = lab.dir.resolve("tried-" + n);
        // the uninstaller asks for a retry (1618) the first time, then removes the old version
        supersedencePair(110, "test ! -f \"$ProgramData/imelab/" + m("old") + "\" || exit 1603",
                step("uninstall-old") + "\nif [ ! -f \"" + tried + "\" ]; then touch \"" + tried + "\"; "
                + "echo 1618 > \"$IMELAB_EXIT_CODE_FILE\"; exit 1; fi\nrm -f \"$ProgramData/imelab/" + m("old") + "\"");
        lab.checkIn();
        assertEquals(List.of("uninstall-old"), steps());
        assertEquals("{\"EnforcementState\":5007,\"ErrorCode\":1618,\"TargetingMethod\":1}", enforcementJson(older));
        assertEquals("{\"EnforcementState\":2010,\"ErrorCode\":null,\"TargetingMethod\":0}", enforcementJson(newer),
                "InProgressPendingUninstallOfSupersededApps");

        lab.scheduler.advanceTo(lab.engine.nextDue().orElseThrow()); // the retry, 5 minutes later
        lab.checkIn();
        assertEquals(List.of("uninstall-old", "uninstall-old", "install-new"), steps());
        assertEquals("{\"EnforcementState\":1016,\"ErrorCode\":0,\"TargetingMethod\":1}", enforcementJson(older));
        assertEquals("{\"EnforcementState\":1000,\"ErrorCode\":0,\"TargetingMethod\":0}", enforcementJson(newer));
        Files.delete(lab.marker(m("new")));
    }

    @Test
    void aSupersededAppAssignedItselfFollowsItsOwnAssignment() throws Exception {
        installed(m("old"));
        Files.deleteIfExists(orderFile());
        lab.app(EngineLab.policy(newer, "Tool 2.0", m("new"))
                .flatDependencies(List.of(new FlatDependency(110, newer, older, 0, 0))).build(),
                step("install-new") + "\n" + EngineLab.createMarker(m("new")), null);
        lab.app(EngineLab.policy(older, "Tool 1.0", m("old")).build(), step("install-old"), step("uninstall-old"));
        lab.checkIn();
        assertEquals(List.of("install-new"), steps(), "a required superseded app is not removed by Replace");
        assertTrue(complianceJson(older).startsWith("{\"Applicability\":0,\"ComplianceState\":1,\"DesiredState\":2,"
                + "\"ErrorCode\":null,\"TargetingMethod\":0,"), complianceJson(older));
        Files.delete(lab.marker(m("old")));
        Files.delete(lab.marker(m("new")));
    }

    @Test
    void aReplacedAppStaysWhenItsSuccessorIsNotApplicable() throws Exception {
        installed(m("old"));
        Files.deleteIfExists(orderFile());
        lab.app(EngineLab.policy(newer, "Tool 2.0", m("new"))
                .requirementRules(new RequirementRules(null, null, null, null, 4096, null, false))
                .flatDependencies(List.of(new FlatDependency(110, newer, older, 0, 0))).build(), step("install-new"), null);
        lab.app(EngineLab.policy(older, "Tool 1.0", m("old")).intent(Intent.NOT_TARGETED).build(), step("install-old"),
                step("uninstall-old"));
        lab.checkIn();
        assertEquals(List.of(), steps(), "the device is never left with neither version");
        assertTrue(Files.exists(lab.marker(m("old"))));
        assertTrue(complianceJson(older).startsWith("{\"Applicability\":1009,"), complianceJson(older));
        assertTrue(complianceJson(newer).startsWith("{\"Applicability\":1004,"), complianceJson(newer));
        Files.delete(lab.marker(m("old")));
    }
}
