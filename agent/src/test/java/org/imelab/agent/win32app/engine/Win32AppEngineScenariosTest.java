package org.imelab.agent.win32app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.imelab.agent.win32app.content.ContentLocation;
import org.imelab.agent.win32app.content.ContentService;
import org.imelab.agent.win32app.content.ContentUnavailableException;
import org.imelab.agent.win32app.state.ErrorCodes;
import org.imelab.gateway.content.ContentEncryptor;
import org.imelab.gateway.content.EncryptionInfo;
import org.imelab.gateway.protocol.win32.FlatDependency;
import org.imelab.gateway.protocol.win32.InstallEx;
import org.imelab.gateway.protocol.win32.Intent;
import org.imelab.gateway.protocol.win32.RequirementRules;
import org.imelab.gateway.protocol.win32.StartDeadlineEx;
import org.imelab.gateway.protocol.win32.Win32AppPolicy;
import org.imelab.registry.ime.RetryState;
import org.imelab.registry.ime.Scope;
import org.junit.jupiter.api.Test;

/** The remaining paths of the sample lab, end to end against the lab gateway over HTTPS. */
class Win32AppEngineScenariosTest extends EngineLabCase {
    @Test
    void aRestartInTheMiddleOfTheRetriesResumesThemFromTheRegistry() throws Exception {
        String id = "b1000000-0000-4000-8000-000000000001";
        lab.app(EngineLab.policy(id, "Retry Restart", "rr.txt").build(),
                lab.countRun("rr") + "\necho 1618 > \"$IMELAB_EXIT_CODE_FILE\"", null);
        Instant start = lab.scheduler.now();
        lab.checkIn();
        lab.scheduler.advanceTo(lab.engine.nextDue().orElseThrow());
        lab.checkIn();
        assertEquals(2, lab.runs("rr"));
        assertEquals(2, lab.ime.retries().read(Scope.DEVICE, key(id)).orElseThrow().retryCount());

        lab.openRegistry(); // the agent restarts: a new file registry handle and a new engine
        lab.scheduler.advanceTo(start.plus(Duration.ofMinutes(10)));
        lab.checkIn();
        assertEquals(3, lab.runs("rr"));
        assertEquals(new RetryState(3, start.plus(Duration.ofMinutes(15))),
                lab.ime.retries().read(Scope.DEVICE, key(id)).orElseThrow());
        lab.scheduler.advanceTo(lab.engine.nextDue().orElseThrow());
        lab.checkIn();
        assertEquals(4, lab.runs("rr"), "1 run + 3 retries, across the restart");
        assertEquals("{\"EnforcementState\":5000,\"ErrorCode\":1618,\"TargetingMethod\":0}", enforcementJson(id));
    }

    @Test
    void requirementNotMetRecordsItsCodeAndNeverRunsTheInstaller() throws Exception {
        String id = "b2000000-0000-4000-8000-000000000002";
        lab.app(EngineLab.policy(id, "Too Big", "big.txt")
                .requirementRules(new RequirementRules(null, null, null, null, 64, null, false)).build(),
                lab.countRun("big"), null);
        lab.checkIn();
        assertEquals(0, lab.runs("big"));
        assertEquals("{\"Applicability\":1004,\"ComplianceState\":2,\"DesiredState\":0,\"ErrorCode\":null,"
                + "\"TargetingMethod\":0,\"InstallContext\":2,\"TargetType\":2,\"ProductVersion\":null,"
                + "\"AssignmentFilterIds\":null}", complianceJson(id));
        assertEquals("none", enforcementJson(id));
        assertTrue(log.messages().contains("Applicability =  MinimumLogicalProcessorCountNotMet"));
        assertTrue(log.messages().contains("[Win32App][ReportingManager] Applicability state for app with id: " + id
                + " has been updated. Report delta: {\"ApplicabilityState\":{\"OldValue\":null,"
                + "\"NewValue\":\"MinimumLogicalProcessorCountNotMet\"}}"));
    }

    @Test
    void aDependencyIsInstalledFirstAndItsFailureLeavesTheParentNotAttempted() throws Exception {
        String parent = "b3000000-0000-4000-8000-00000000000a";
        String child = "b3000000-0000-4000-8000-00000000000b";
        Path order = lab.dir.resolve("order.txt");
        lab.app(EngineLab.policy(parent, "Parent", "parent.txt")
                .flatDependencies(List.of(new FlatDependency(10, parent, child, 0, 0))).build(),
                "echo parent >> \"" + order + "\"\n" + EngineLab.createMarker("parent.txt"), null);
        lab.app(EngineLab.policy(child, "Child", "child.txt").intent(Intent.NOT_TARGETED).build(),
                "echo child >> \"" + order + "\"\n" + EngineLab.createMarker("child.txt"), null);
        lab.checkIn();
        assertEquals(List.of("child", "parent"), Files.readAllLines(order));
        assertTrue(complianceJson(child).contains("\"TargetingMethod\":1"), complianceJson(child));
        assertTrue(log.messages().stream().anyMatch(m -> m.equals("[Win32App][V3Processor] Processing subgraph with "
                + "app ids: " + child + ", " + parent)));

        String parent2 = "b3000000-0000-4000-8000-00000000001a";
        String child2 = "b3000000-0000-4000-8000-00000000001b";
        lab.removeApps();
        lab.app(EngineLab.policy(parent2, "Parent 2", "parent2.txt")
                .flatDependencies(List.of(new FlatDependency(10, parent2, child2, 0, 0))).build(),
                lab.countRun("parent2"), null);
        lab.app(EngineLab.policy(child2, "Child 2", "child2.txt").intent(Intent.NOT_TARGETED).build(), "exit 1603", null);
        lab.checkIn();
        assertEquals(0, lab.runs("parent2"));
        assertEquals("{\"EnforcementState\":6001,\"ErrorCode\":null,\"TargetingMethod\":0}", enforcementJson(parent2));
        assertTrue(lab.ime.grs().find(Scope.DEVICE, parent2).isPresent());
        assertEquals(6001, lab.gateway.appResults(lab.deviceId).stream().filter(r -> r.appId().equals(parent2))
                .findFirst().orElseThrow().enforcementStateMessage().enforcementState());
    }

    @Test
    void requiredUninstallRemovesTheAppAndRecordsDesiredStateNotPresent() throws Exception {
        String id = "b4000000-0000-4000-8000-000000000004";
        Files.createDirectories(lab.marker("gone.txt").getParent());
        Files.writeString(lab.marker("gone.txt"), "installed");
        lab.app(EngineLab.policy(id, "Remove Me", "gone.txt").intent(Intent.UNINSTALL).build(), "exit 0",
                "rm -f \"$ProgramData/imelab/gone.txt\"");
        lab.checkIn();
        assertFalse(Files.exists(lab.marker("gone.txt")));
        assertTrue(complianceJson(id).startsWith("{\"Applicability\":0,\"ComplianceState\":2,\"DesiredState\":1,"),
                complianceJson(id));
        assertEquals("{\"EnforcementState\":1000,\"ErrorCode\":0,\"TargetingMethod\":0}", enforcementJson(id));
    }

    @Test
    void anAvailableAppIsInstalledOnlyWhenRequestedAndBypassesTheGrs() throws Exception {
        String id = "b5000000-0000-4000-8000-000000000005";
        lab.app(EngineLab.policy(id, "Available", "avail.txt").intent(Intent.AVAILABLE).build(),
                lab.countRun("avail") + "\n" + EngineLab.createMarker("avail.txt"), null);
        lab.checkIn();
        assertEquals(0, lab.runs("avail"));
        assertTrue(complianceJson(id).contains("\"ComplianceState\":2,\"DesiredState\":4"), complianceJson(id));

        lab.engine.requestInstall(id);
        lab.checkIn();
        assertEquals(1, lab.runs("avail"));
        assertTrue(complianceJson(id).contains("\"ComplianceState\":1,\"DesiredState\":2"), complianceJson(id));
        assertTrue(new AvailableAppRequests(lab.registry, lab.ime.layout()).requested(Scope.DEVICE, id).isEmpty());
    }

    @Test
    void scheduledAssignmentWaitsThenCachesThenInstallsAtTheDeadlineWithoutDownloadingAgain() throws Exception {
        String id = "b6000000-0000-4000-8000-000000000006";
        Instant t = lab.scheduler.now();
        lab.app(EngineLab.policy(id, "Scheduled", "sched.txt")
                .startDeadlineEx(StartDeadlineEx.of(t.plus(Duration.ofHours(1)), t.plus(Duration.ofHours(3)))).build(),
                lab.countRun("sched") + "\n" + EngineLab.createMarker("sched.txt"), null);
        lab.checkIn();
        assertEquals("{\"EnforcementState\":2005,\"ErrorCode\":null,\"TargetingMethod\":0}", enforcementJson(id));
        assertEquals(Optional.of(t.plus(Duration.ofHours(1))), lab.engine.nextDue());

        lab.scheduler.advanceTo(t.plus(Duration.ofHours(1)));
        lab.checkIn();
        assertEquals("{\"EnforcementState\":2009,\"ErrorCode\":null,\"TargetingMethod\":0}", enforcementJson(id));
        assertTrue(Files.isRegularFile(lab.dir.resolve("IMECache").resolve(id + "_1").resolve("install.sh")));
        assertEquals(0, lab.runs("sched"));
        long downloads = log.messages().stream().filter("[Win32App] ===Step=== Download"::equals).count();

        lab.scheduler.advanceTo(t.plus(Duration.ofHours(3)));
        lab.checkIn();
        assertEquals(1, lab.runs("sched"));
        assertEquals("{\"EnforcementState\":1000,\"ErrorCode\":0,\"TargetingMethod\":0}", enforcementJson(id));
        assertEquals(downloads, log.messages().stream().filter("[Win32App] ===Step=== Download"::equals).count(),
                "the deadline install used the cached content");
    }

    @Test
    void anInstallerHangingPastItsMaxRunTimeIsKilledAndFails() throws Exception {
        String id = "b7000000-0000-4000-8000-000000000007";
        lab.runTimeMinute = Duration.ofMillis(500); // one "minute" of MaxRunTimeInMinutes lasts half a second here
        lab.engine = lab.newEngine();
        lab.app(EngineLab.policy(id, "Hangs", "hang.txt")
                .installEx(new InstallEx(1, false, 3, 3, 5, 1, 1)).build(), "sleep 60", null);
        long t0 = System.nanoTime();
        lab.checkIn();
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(20).toNanos());
        assertEquals("{\"EnforcementState\":5000,\"ErrorCode\":" + ErrorCodes.INSTALLER_TIMEOUT + ",\"TargetingMethod\":0}",
                enforcementJson(id));
        assertTrue(log.messages().contains("[Win32App] Installation is timeout, collecting result"));
        assertTrue(log.messages().contains("[Win32App] installer is running timeout, skip staged content clean up."));
    }

    @Test
    void theRipleyManoeuvreMakesTheNextCheckInInstallAgain() throws Exception {
        String id = "b8000000-0000-4000-8000-000000000008";
        lab.app(EngineLab.policy(id, "Ripley", "ripley.txt").build(),
                lab.countRun("ripley") + "\nexit 1603", null);
        lab.checkIn();
        assertEquals(1, lab.runs("ripley"));
        lab.scheduler.advanceBy(Duration.ofHours(1));
        lab.checkIn();
        assertEquals(1, lab.runs("ripley"), "in the GRS");

        assertFalse(lab.ime.reset().reset(Scope.DEVICE, id).isEmpty());
        lab.checkIn();
        assertEquals(2, lab.runs("ripley"), "app key and GRS deleted: treated as new");
        assertTrue(log.messages().stream().anyMatch(m -> m.startsWith("[Win32App][GRSManager] App with id: " + id
                + " has no recorded GRS value")));
    }

    @Test
    void appsExcludedByAnAssignmentFilterLeaveNoState() throws Exception {
        String id = "b9000000-0000-4000-8000-000000000009";
        lab.app(EngineLab.policy(id, "Filtered", "filtered.txt").applicabilityDueToAssignmentFilters(1010).build(),
                lab.countRun("filtered"), null);
        lab.checkIn();
        assertEquals(0, lab.runs("filtered"));
        assertTrue(lab.ime.win32Apps().read(Scope.DEVICE, key(id)).isEmpty());
        assertTrue(log.messages().contains("[Win32App][V3Processor] All apps in the subgraph are not applicable due to "
                + "assignment filters. Skipping processing."));
    }

    // --- tampered content: the CDN's bytes or the keys are not what the package was ---

    /** The real service, with the downloaded file or the keys changed on the way. */
    private ContentService tampering(java.util.function.UnaryOperator<ContentLocation> keys, Tamper tamper) {
        ContentService real = new org.imelab.agent.win32app.sidecar.SideCarWin32AppService(lab.client, lab.json,
                lab.deviceCertificate, lab.key.getPrivate(), null, lab.cdn);
        return new ContentService() {
            @Override
            public ContentLocation contentInfo(Win32AppPolicy policy, Scope scope) throws ContentUnavailableException {
                return keys.apply(real.contentInfo(policy, scope));
            }

            @Override
            public void download(ContentLocation location, Path target) throws IOException {
                real.download(location, target);
                tamper.apply(target);
            }
        };
    }

    interface Tamper {
        void apply(Path file) throws IOException;
    }

    private void assertRefused(String id, int code) {
        assertEquals("{\"EnforcementState\":5003,\"ErrorCode\":" + code + ",\"TargetingMethod\":0}", enforcementJson(id));
        assertFalse(Files.exists(lab.dir.resolve("IMECache").resolve(id + "_1")));
        assertFalse(Files.exists(lab.dir.resolve("Content").resolve("Incoming").resolve(id + "_1.bin")));
        assertFalse(Files.exists(lab.dir.resolve("Content").resolve("Incoming").resolve(id + "_1.zip")));
    }

    @Test
    void contentWithAWrongHmacIsRefused() throws Exception {
        String id = "ba000000-0000-4000-8000-00000000000a";
        lab.contentService = tampering(l -> l, f -> {
            byte[] b = Files.readAllBytes(f);
            b[b.length - 1] ^= 1;
            Files.write(f, b);
        });
        lab.engine = lab.newEngine();
        lab.app(EngineLab.policy(id, "Tampered", "t1.txt").build(), lab.countRun("t1"), null);
        lab.checkIn();
        assertEquals(0, lab.runs("t1"));
        assertRefused(id, ErrorCodes.HASH_MISMATCH);
    }

    @Test
    void contentWhoseDigestDoesNotMatchIsRefused() throws Exception {
        String id = "bb000000-0000-4000-8000-00000000000b";
        lab.contentService = tampering(l -> {
            EncryptionInfo k = l.keys();
            byte[] digest = k.fileDigest();
            digest[0] ^= 1;
            return new ContentLocation(l.uploadLocation(), new EncryptionInfo(k.encryptionKey(), k.macKey(),
                    k.initializationVector(), k.mac(), k.profileIdentifier(), digest, k.fileDigestAlgorithm()), l.size());
        }, f -> { });
        lab.engine = lab.newEngine();
        lab.app(EngineLab.policy(id, "Wrong Digest", "t2.txt").build(), lab.countRun("t2"), null);
        lab.checkIn();
        assertEquals(0, lab.runs("t2"));
        assertRefused(id, ErrorCodes.HASH_MISMATCH);
    }

    @Test
    void aPackageWithAPathEscapingEntryIsRefusedAndWritesNothingOutsideImeCache() throws Exception {
        String id = "bc000000-0000-4000-8000-00000000000c";
        Path evilZip = lab.dir.resolve("evil.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(evilZip))) {
            z.putNextEntry(new ZipEntry("install.sh"));
            z.write("#!/bin/sh\nexit 0\n".getBytes());
            z.putNextEntry(new ZipEntry("../../escaped.txt"));
            z.write("gotcha".getBytes());
        }
        Path evilBin = lab.dir.resolve("evil.bin");
        EncryptionInfo evilKeys = new ContentEncryptor().encrypt(evilZip, evilBin);
        lab.contentService = tampering(l -> new ContentLocation(l.uploadLocation(), evilKeys, null),
                f -> Files.copy(evilBin, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING));
        lab.engine = lab.newEngine();
        lab.app(EngineLab.policy(id, "Escaping", "t3.txt").build(), lab.countRun("t3"), null);
        lab.checkIn();
        assertEquals(0, lab.runs("t3"));
        assertRefused(id, ErrorCodes.INVALID_CONTENT);
        assertFalse(Files.exists(lab.dir.resolve("escaped.txt")));
        assertFalse(Files.exists(lab.dir.resolve("IMECache").resolve("escaped.txt")));
        try (var s = Files.list(lab.dir.resolve("IMECache"))) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(id)));
        }
    }
}
