package org.imelab.agent.win32app.engine;

import java.nio.file.Path;
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
 * captured and the device's recorded state of an app at hand.
 */
abstract class EngineLabCase {
    @TempDir
    static Path dir;
    static EngineLab lab;
    LogCapture log;

    @BeforeAll
    static void startLab() throws Exception {
        lab = new EngineLab(dir);
    }

    @AfterAll
    static void stopLab() {
        lab.close();
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
}
