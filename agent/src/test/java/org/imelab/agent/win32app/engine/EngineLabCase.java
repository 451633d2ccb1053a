package org.imelab.agent.win32app.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.imelab.agent.testing.LogCapture;
import org.imelab.gateway.protocol.report.AppResult;
import org.imelab.registry.ime.ComplianceStateMessage;
import org.imelab.registry.ime.EnforcementStateMessage;
import org.imelab.registry.ime.Scope;
import org.imelab.registry.ime.Win32AppKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared setup of the engine's end-to-end tests: one {@link EngineLab} per test class (starting
 * the gateway and enrolling costs seconds), emptied before each test, with the AppWorkload log
 * captured, the device's recorded state of an app at hand, and a number per test for its own apps,
 * markers and order file.
 */
abstract class EngineLabCase {
    @TempDir
    static Path dir;
    static EngineLab lab;
    private static int tests;
    LogCapture log;
    /** This test's number in its class, two digits: the lab lives for the class, so each test names its own. */
    String n;

    @BeforeAll
    static void startLab() throws Exception {
        lab = new EngineLab(dir);
        tests = 0;
    }

    @AfterAll
    static void stopLab() {
        lab.close();
    }

    @BeforeEach
    void numberTheTest() {
        n = String.format("%02d", ++tests);
    }

    @BeforeEach
    void resetLab() throws Exception {
        lab.reset(faults());
        log = new LogCapture("ime.AppWorkload");
    }

    @AfterEach
    void closeLog() {
        log.close();
    }

    /** The faults the engine runs with in each test: none, unless a test class says otherwise. */
    AppFaults faults() {
        return AppFaults.NONE;
    }

    static Win32AppKey key(String id) {
        return Win32AppKey.of(id, 1);
    }

    static Optional<ComplianceStateMessage> compliance(String id) {
        return lab.ime.win32Apps().compliance(Scope.DEVICE, key(id));
    }

    static Optional<EnforcementStateMessage> enforcement(String id) {
        return lab.ime.win32Apps().enforcement(Scope.DEVICE, key(id));
    }

    /** The app's result as the gateway received it. */
    static Optional<AppResult> reported(String id) {
        return lab.gateway.appResults(lab.deviceId).stream().filter(r -> r.appId().equalsIgnoreCase(id)).findFirst();
    }

    static String complianceJson(String id) {
        return compliance(id).map(ComplianceStateMessage::toJson).orElse("none");
    }

    static String enforcementJson(String id) {
        return enforcement(id).map(EnforcementStateMessage::toJson).orElse("none");
    }

    /** An app installed before the test: its marker is there. */
    static void installed(String marker) throws Exception {
        Files.createDirectories(lab.marker(marker).getParent());
        Files.writeString(lab.marker(marker), "installed");
    }

    /** This test's marker file name. */
    String m(String name) {
        return name + "-" + n + ".txt";
    }

    /** This test's order file, where {@link #step} lines append, so the order of the installers is visible. */
    Path orderFile() {
        return lab.dir.resolve("order-" + n + ".txt");
    }

    /** A shell line appending to this test's order file. */
    String step(String what) {
        return "echo " + what + " >> \"" + orderFile() + "\"";
    }

    List<String> steps() throws Exception {
        Path p = orderFile();
        return Files.exists(p) ? Files.readAllLines(p) : List.of();
    }
}
