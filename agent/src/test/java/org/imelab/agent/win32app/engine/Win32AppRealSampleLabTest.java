package org.imelab.agent.win32app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.imelab.agent.testing.LogCapture;
import org.imelab.agent.win32app.rules.TestPe;
import org.imelab.gateway.protocol.SideCarJson;
import org.imelab.gateway.protocol.report.AppResult;
import org.imelab.gateway.protocol.win32.PolicySet;
import org.imelab.gateway.protocol.win32.Win32AppPolicy;
import org.imelab.gateway.protocol.win32.Win32AppPolicyParser;
import org.imelab.registry.ime.Scope;
import org.imelab.registry.ime.Win32AppKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real policy of real-artefacts/blog-appworkload-ps-installer-2026.txt (7-Zip 25.01, file version
 * detection, OS build requirement, System context, the real return codes), served by the lab
 * gateway over HTTPS as written, with only its content replaced by a lab package: the MSI and its
 * {@code msiexec} command line give way to a shell installer that puts a 7z.exe of file version
 * 25.1.0.0 where the real rule looks for it.
 */
class Win32AppRealSampleLabTest {
    private static final String SAMPLE = "/real-artefacts/blog-appworkload-ps-installer-2026.txt";
    private static final String PREFIX = "Get policies = ";
    private static final String REAL_USER = "e297c863-88ff-465c-a24c-8c124a3b35d3";

    @TempDir
    Path dir;
    EngineLab lab;

    @BeforeEach
    void start() throws Exception {
        lab = new EngineLab(dir);
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    private static String sample() throws Exception {
        try (InputStream in = Win32AppRealSampleLabTest.class.getResourceAsStream(SAMPLE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String realPoliciesLine() throws Exception {
        return sample().lines().filter(l -> l.startsWith(PREFIX)).findFirst().orElseThrow().substring(PREFIX.length());
    }

    /** The ComplianceStateMessage the real device recorded after the install (quoted below the log lines). */
    private static String realComplianceStateMessage() throws Exception {
        java.util.List<String> lines = sample().lines().toList();
        int at = lines.indexOf("# Value ComplianceStateMessage (REG_SZ):");
        return lines.get(at + 1);
    }

    @Test
    void theRealPolicyParsesAndRunsThroughTheEngineWithALabPackage() throws Exception {
        SideCarJson json = new SideCarJson();
        String real = realPoliciesLine();
        PolicySet parsed = new Win32AppPolicyParser(json).parse(real);
        assertEquals(1, parsed.accepted().size(), () -> "rejected: " + parsed.rejected());
        Win32AppPolicy policy = parsed.accepted().getFirst();
        String id = policy.id();

        // the lab package: a 7z.exe with the real version and an installer copying it into Program Files
        Path content = lab.labFile.getParent().resolve("content-7zip");
        Files.createDirectories(content);
        Files.write(content.resolve("7z.exe"), TestPe.withFileVersion(25, 1, 0, 0));
        Files.writeString(content.resolve("install.sh"), "#!/bin/sh\n" + lab.countRun("7zip")
                + "\nmkdir -p \"$ProgramFiles/7-zip\" && cp 7z.exe \"$ProgramFiles/7-zip/7z.exe\"\n");
        ObjectNode sideCar = (ObjectNode) json.mapper().readTree(real).get(0);
        sideCar.put("InstallCommandLine", "sh install.sh");
        sideCar.put("SetUpFilePath", "install.sh");
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.set("sideCar", sideCar);
        entry.putArray("targets").add("allDevices");
        entry.putObject("content").put("folder", content.getFileName().toString());
        Files.writeString(lab.labFile, "{\"name\":\"real sample\",\"apps\":[" + entry + "]}");

        // the sample's user, in whose session the real device processed this user-targeted app
        Scope user = Scope.user(REAL_USER);
        lab.engine = lab.newEngine(user);
        LogCapture log = new LogCapture("ime.AppWorkload");
        LogCapture main = new LogCapture("ime.IntuneManagementExtension");
        String first = lab.checkIn().summary();
        assertTrue(first.contains("1 available"), first);
        assertEquals(0, lab.runs("7zip"), "Intent 1 is available: installed only when the user asks");

        lab.engine.requestInstall(id); // the user's "Install" in Company Portal, as in the blog
        String line = lab.checkIn().summary();
        assertTrue(line.contains("1 installed"), line);
        assertEquals(1, lab.runs("7zip"));
        assertTrue(Files.isRegularFile(lab.paths.resolve("C:\\Program Files\\7-zip\\7z.exe", false)));
        Win32AppKey key = Win32AppKey.of(id, policy.version());
        // byte for byte what the real device wrote under Win32Apps\{user}\{app}_1
        assertEquals(realComplianceStateMessage(), lab.ime.win32Apps().compliance(user, key).orElseThrow().toJson());
        assertEquals("{\"EnforcementState\":1000,\"ErrorCode\":0,\"TargetingMethod\":0}",
                lab.ime.win32Apps().enforcement(user, key).orElseThrow().toJson());
        AppResult report = lab.gateway.appResults(lab.deviceId).stream()
                .filter(r -> r.appId().equalsIgnoreCase(id)).findFirst().orElseThrow();
        assertEquals(1000, report.enforcementStateMessage().enforcementState());
        assertTrue(log.messages().contains("[Win32App] Post processed result for (" + id + ",GBL-WIN11-7z2501-x64) is "
                + "Success"), () -> String.join("\n", log.messages()));

        // what the agent received is the real policy, field for field, bar the two replaced
        JsonNode served = json.mapper().readTree(new Win32AppPolicyParser(json).write(
                lab.engine.lastPolicies().accepted()));
        ObjectNode expected = (ObjectNode) json.mapper().readTree(real).get(0);
        expected.put("InstallCommandLine", "sh install.sh");
        expected.put("SetUpFilePath", "install.sh");
        assertEquals(expected, served.get(0));
        // the policies are logged verbatim in AppWorkload.log (since the 2408 split), not in the main log
        String logged = log.messages().stream().filter(m -> m.startsWith(PREFIX)).reduce((a, b) -> b).orElseThrow();
        assertEquals(expected, json.mapper().readTree(logged.substring(PREFIX.length())).get(0));
        assertTrue(main.messages().stream().noneMatch(m -> m.startsWith(PREFIX)), "not in IntuneManagementExtension.log");
    }
}
