package org.imelab.gateway.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.imelab.gateway.protocol.RequestContentType;
import org.imelab.gateway.protocol.SideCarJson;
import org.imelab.gateway.protocol.win32.Detection;
import org.imelab.gateway.protocol.win32.FlatDependency;
import org.imelab.gateway.protocol.win32.Intent;
import org.imelab.gateway.protocol.win32.PolicySet;
import org.imelab.gateway.protocol.win32.ReturnCodeType;
import org.imelab.gateway.protocol.win32.RunAs;
import org.imelab.gateway.protocol.win32.TargetType;
import org.imelab.gateway.protocol.win32.Win32AppPolicy;
import org.imelab.gateway.protocol.win32.Win32AppPolicyParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The shipped sample lab covers every path of the engine, on Windows and elsewhere, and its scripts work. */
class SampleLabTest {
    static final Instant START = Instant.parse("2026-05-01T12:00:00Z");
    @TempDir
    Path dir;
    final SideCarJson json = new SideCarJson();

    private Map<String, Win32AppPolicy> served(boolean windows) throws Exception {
        LabDefinition def = new LabDefinitionReader(json).read(SampleLab.extractTo(dir.resolve("lab")), START);
        LabPolicyBuilder builder = new LabPolicyBuilder(json);
        DeviceContext ctx = new DeviceContext("11111111-0000-4000-8000-000000000001", "LAB-PC", "22222222-0000-4000-8000-000000000002", windows);
        PolicySet set = new Win32AppPolicyParser(json).parse(builder.write(builder.policies(def, ctx,
                RequestContentType.REQUEST_APPLICATION)));
        assertEquals(List.of(), set.rejected(), "every sample policy is well formed");
        return set.accepted().stream().collect(Collectors.toMap(Win32AppPolicy::name, p -> p));
    }

    @Test
    void everyPathOfTheEngineIsThereForWindowsAndOthers() throws Exception {
        for (boolean windows : new boolean[] {true, false}) {
            Map<String, Win32AppPolicy> apps = served(windows);
            assertEquals(15, apps.size());
            Set<ReturnCodeType> outcomes = EnumSet.noneOf(ReturnCodeType.class);
            for (Win32AppPolicy p : apps.values()) {
                String[] args = p.installCommandLine().split(" ");
                assertEquals(windows ? "install.cmd" : "install.sh", args[windows ? 0 : 1]);
                // the same return codes everywhere: off Windows the installer reports its full code
                // through $IMELAB_EXIT_CODE_FILE
                outcomes.add(p.meaningOf(Integer.parseInt(args[windows ? 2 : 3])));
                boolean script = !windows && (p.name().endsWith("Soft reboot") || p.name().endsWith("Available"));
                Class<? extends Detection> expected = script ? Detection.Script.class : Detection.File.class;
                assertEquals(expected, p.detectionRules().getFirst().detection().getClass(), p.name());
            }
            assertEquals(EnumSet.allOf(ReturnCodeType.class), outcomes, "success, retry, failure, soft and hard reboot");
            Win32AppPolicy withDependency = apps.get("imelab Sample - With dependency");
            assertEquals(apps.get("imelab Sample - Dependency").id(), withDependency.dependencies().getFirst().childId());
            assertEquals(Intent.NOT_TARGETED, apps.get("imelab Sample - Dependency").intentKind().orElseThrow());
            // the relation kinds travel as FlatDependencies Actions: 0 detect only, 110 replace
            Win32AppPolicy needsDetectOnly = apps.get("imelab Sample - Needs detect-only dependency");
            assertEquals(List.of(new FlatDependency(0, needsDetectOnly.id(),
                    apps.get("imelab Sample - Detect-only dependency").id(), 0, 0)), needsDetectOnly.flatDependencies());
            Win32AppPolicy newVersion = apps.get("imelab Sample - New version");
            assertEquals(List.of(new FlatDependency(110, newVersion.id(), apps.get("imelab Sample - Old version").id(), 0,
                    0)), newVersion.flatDependencies());
            assertEquals(Intent.NOT_TARGETED, apps.get("imelab Sample - Old version").intentKind().orElseThrow());
            assertEquals(Intent.NOT_TARGETED, apps.get("imelab Sample - Detect-only dependency").intentKind().orElseThrow());
            assertEquals(4096, apps.get("imelab Sample - Requirement not met").requirementRules().minimumNumberOfProcessors());
            assertEquals(START.plusSeconds(7200),
                    apps.get("imelab Sample - Deadline").startDeadlineEx().deadlineInstant().orElseThrow());
            assertEquals(Intent.AVAILABLE, apps.get("imelab Sample - Available").intentKind().orElseThrow());
            assertEquals(Intent.UNINSTALL, apps.get("imelab Sample - Retired tool").intentKind().orElseThrow());
            assertEquals(windows ? "uninstall.cmd retired" : "sh uninstall.sh retired",
                    apps.get("imelab Sample - Retired tool").uninstallCommandLine());
        }
    }

    @Test
    void theLabUserGetsTheUserContextAppAndTheDeviceDoesNot() throws Exception {
        LabDefinition def = new LabDefinitionReader(json).read(SampleLab.extractTo(dir.resolve("lab")), START);
        LabPolicyBuilder builder = new LabPolicyBuilder(json);
        String user = "5a3b1e00-0000-4000-8000-00000000a5e1";
        for (String session : new String[] {user, null}) {
            DeviceContext ctx = new DeviceContext("11111111-0000-4000-8000-000000000001", "LAB-PC", session, false);
            PolicySet set = new Win32AppPolicyParser(json).parse(builder.write(builder.policies(def, ctx,
                    RequestContentType.REQUEST_APPLICATION)));
            Optional<Win32AppPolicy> app = set.accepted().stream()
                    .filter(p -> p.name().equals("imelab Sample - User app")).findFirst();
            assertEquals(session != null, app.isPresent(), "served to the lab user's session only");
            app.ifPresent(p -> {
                assertEquals(RunAs.USER, p.installEx().runAsKind().orElseThrow());
                assertEquals(TargetType.USER, p.targetTypeKind().orElseThrow());
                assertEquals("sh install.sh user-app 0", p.installCommandLine());
            });
        }
    }

    @Test
    void theIndexListsEveryFileTheLabNames() throws Exception {
        Path lab = SampleLab.extractTo(dir);
        String text = Files.readString(lab);
        for (String f : SampleLab.files()) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        }
        // every script the lab file names was extracted (the reader would refuse the lab otherwise)
        new LabDefinitionReader(json).read(lab, START);
        assertTrue(text.contains("sample-lab/content"));
    }

    // ---- the installers and detection scripts, run for real ----

    /** Runs a sample script as the agent would: the emulated ProgramData and an exit code file in the environment. */
    private Process run(Path cwd, Path programData, String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().remove("IMELAB_SAMPLE_DIR");
        pb.environment().put("ProgramData", programData.toString());
        pb.environment().put("IMELAB_EXIT_CODE_FILE", dir.resolve("exit-code").toString());
        return pb.start();
    }

    private String reportedExitCode() throws IOException {
        return Files.readString(dir.resolve("exit-code")).strip();
    }

    private static int exit(Process p) throws Exception {
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the script hung");
        return p.exitValue();
    }

    private static String output(Process p) throws Exception {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        exit(p);
        return out;
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void shellInstallersAndDetectionBehaveAsTheirAppsSay() throws Exception {
        Path lab = SampleLab.extractTo(dir.resolve("lab"));
        Path content = lab.getParent().resolve("sample-lab/content");
        Path detection = lab.getParent().resolve("sample-lab/detection");
        Path programData = dir.resolve("drive_c").resolve("ProgramData");
        Path markers = programData.resolve("imelab-sample"); // where %ProgramData%\imelab-sample points

        assertEquals(0, exit(run(content, programData, "sh", "install.sh", "success", "0")));
        assertTrue(Files.isRegularFile(markers.resolve("success")));
        assertEquals("0", reportedExitCode());

        assertEquals(1618 & 0xFF, exit(run(content, programData, "sh", "install.sh", "-", "1618")));
        assertEquals("1618", reportedExitCode(), "the full code reaches the agent through the file");
        assertEquals(3010 & 0xFF, exit(run(content, programData, "sh", "install.sh", "soft-reboot", "3010")));
        assertEquals("3010", reportedExitCode());
        assertEquals("Detected", output(run(content, programData, "sh", detection.resolve("soft-reboot.sh").toString())).strip());
        assertEquals("", output(run(content, programData, "sh", detection.resolve("available.sh").toString())));

        // the dependant refuses to install before its dependency
        assertEquals(1, exit(run(content, programData, "sh", "install.sh", "with-dependency", "0", "dependency-child")));
        assertEquals(0, exit(run(content, programData, "sh", "install.sh", "dependency-child", "0")));
        assertEquals(0, exit(run(content, programData, "sh", "install.sh", "with-dependency", "0", "dependency-child")));

        // the new version refuses to install until the old one's uninstaller has run (replace)
        assertEquals(1, exit(run(content, programData, "sh", "install.sh", "new-version", "0", "old-version.removed")));
        assertEquals(0, exit(run(content, programData, "sh", "uninstall.sh", "old-version")));
        assertEquals(0, exit(run(content, programData, "sh", "install.sh", "new-version", "0", "old-version.removed")));

        // the retired tool counts as installed until its uninstaller leaves retired.removed
        assertFalse(Files.exists(markers.resolve("retired.removed")));
        assertEquals(0, exit(run(content, programData, "sh", "uninstall.sh", "retired")));
        assertTrue(Files.exists(markers.resolve("retired.removed")));
    }

    @Test
    @EnabledOnOs(OS.WINDOWS)
    void cmdInstallersBehaveAsTheirAppsSay() throws Exception {
        Path lab = SampleLab.extractTo(dir.resolve("lab"));
        Path content = lab.getParent().resolve("sample-lab/content");
        Path programData = dir.resolve("ProgramData");
        Path markers = programData.resolve("imelab-sample");
        assertEquals(0, exit(run(content, programData, "cmd", "/c", "install.cmd", "success", "0")));
        assertTrue(Files.exists(markers.resolve("success")));
        assertEquals(1618, exit(run(content, programData, "cmd", "/c", "install.cmd", "-", "1618")));
        assertEquals(1, exit(run(content, programData, "cmd", "/c", "install.cmd", "with-dependency", "0", "dependency-child")));
        assertEquals(0, exit(run(content, programData, "cmd", "/c", "uninstall.cmd", "retired")));
        assertTrue(Files.exists(markers.resolve("retired.removed")));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void sampleAppFromTheGatewayInstallsAndIsDetectedOnThisMachine() throws Exception {
        Path lab = SampleLab.extractTo(dir.resolve("lab"));
        try (LabGateway gateway = LabGateway.start(LabConfig.of(lab, LabFixture.state(dir.resolve("state"))))) {
            LabClient device = new LabClient(gateway).enroll("lab-linux");
            Win32AppPolicy success = new Win32AppPolicyParser(json).parse(org.imelab.gateway.protocol.CompressedPayload
                    .decode(device.session(RequestContentType.REQUEST_APPLICATION, "[]", LabClient.linuxClientInfo(), null)
                            .responsePayload())).find("5a3b1e00-0000-4000-8000-000000000001").orElseThrow();
            var request = org.imelab.gateway.protocol.content.ContentInfoPayload.request(success.id(), success.version(),
                    3, success.name(), device.chain.getFirst().getEncoded(), 0, 2, 2);
            var info = json.read(device.session(RequestContentType.GET_CONTENT_INFO, json.write(request),
                    LabClient.linuxClientInfo(), null).responsePayload(),
                    org.imelab.gateway.protocol.content.ContentInfoPayload.class);
            var keys = org.imelab.gateway.protocol.content.DecryptInfo.open(info.decryptInfo(), device.keys.getPrivate(), json);
            Path encrypted = dir.resolve("content.bin");
            try (okhttp3.Response r = device.http.newCall(new okhttp3.Request.Builder()
                    .url(info.contentInfo().uploadLocation()).build()).execute()) {
                Files.write(encrypted, r.body().bytes());
            }
            Path zip = dir.resolve("content.zip");
            new org.imelab.gateway.content.ContentDecryptor().decrypt(encrypted, keys.toEncryptionInfo(), zip);
            Path cache = dir.resolve("IMECache").resolve(success.keyName());
            new org.imelab.gateway.content.SafeUnzipper().unpack(zip, cache);

            Path programData = dir.resolve("drive_c").resolve("ProgramData");
            assertEquals(0, exit(run(cache, programData, success.installCommandLine().split(" "))));
            // the file its detection rule names, %ProgramData%\imelab-sample\success, is there
            Detection.File rule = (Detection.File) success.detectionRules().getFirst().detection();
            assertEquals("%ProgramData%\\imelab-sample", rule.path());
            assertTrue(Files.isRegularFile(programData.resolve("imelab-sample").resolve(rule.fileOrFolderName())));
        }
    }
}
