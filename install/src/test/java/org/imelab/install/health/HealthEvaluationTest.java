package org.imelab.install.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imelab.install.health.HealthReport.Level;
import org.imelab.install.service.ServiceConfig;
import org.imelab.install.service.StartType;
import org.imelab.install.testing.InMemoryServiceManager;
import org.imelab.install.testing.RewritingCommandRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthEvaluationTest {
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path tmp;
    Path logs;
    InMemoryServiceManager scm = new InMemoryServiceManager();

    @BeforeEach
    void setUp() throws IOException {
        logs = Files.createDirectories(tmp.resolve("Logs"));
        scm.create(new ServiceConfig("IntuneManagementExtension", "x", null, "\"java.exe\" -jar imelab.jar run", StartType.AUTO, null, List.of(), Duration.ZERO));
    }

    private HealthReport evaluate(Optional<Instant> lastCheckIn) {
        return new HealthEvaluation(new ScmServiceProbe(scm, "IntuneManagementExtension"), () -> lastCheckIn, logs, CLOCK).evaluate();
    }

    @Test
    void aRunningServiceARecentCheckInAndAWritableLogFolderAreHealthy() throws IOException {
        scm.start("IntuneManagementExtension", Duration.ofSeconds(1));

        HealthReport r = evaluate(Optional.of(NOW.minus(Duration.ofMinutes(59))));

        assertTrue(r.healthy());
        assertEquals(Level.OK, r.finding(HealthEvaluation.SERVICE).level());
        assertEquals("last check-in at 2025-03-01T09:01:00Z (59 minutes ago)", r.finding(HealthEvaluation.CHECK_IN).message());
        assertEquals(Level.OK, r.finding(HealthEvaluation.LOG_FOLDER).level());
        try (var s = Files.list(logs)) {
            assertEquals(0, s.count(), "the probe file is gone");
        }
    }

    @Test
    void aStoppedServiceIsRestarted() {
        scm.crash("IntuneManagementExtension");

        HealthReport r = evaluate(Optional.of(NOW.minus(Duration.ofMinutes(5))));

        assertEquals(Level.REPAIRED, r.finding(HealthEvaluation.SERVICE).level());
        assertTrue(r.healthy());
        assertEquals(org.imelab.install.service.ServiceState.RUNNING, scm.state("IntuneManagementExtension"));
    }

    @Test
    void aServiceThatWillNotRestartAnOldCheckInAndAMissingLogFolderFail() throws IOException {
        scm.crash("IntuneManagementExtension");
        scm.failStartsWith(1053);
        Files.delete(logs);

        HealthReport r = evaluate(Optional.of(NOW.minus(Duration.ofHours(5))));

        assertFalse(r.healthy());
        assertEquals(Level.FAILED, r.finding(HealthEvaluation.SERVICE).level());
        assertTrue(r.finding(HealthEvaluation.SERVICE).message().contains("Win32 error 1053"));
        assertEquals(Level.FAILED, r.finding(HealthEvaluation.CHECK_IN).level());
        assertEquals(Level.FAILED, r.finding(HealthEvaluation.LOG_FOLDER).level());
    }

    @Test
    void noCheckInYetIsAWarningOnly() {
        scm.start("IntuneManagementExtension", Duration.ofSeconds(1));
        HealthReport r = evaluate(Optional.empty());
        assertEquals(Level.WARNING, r.finding(HealthEvaluation.CHECK_IN).level());
        assertTrue(r.healthy());
    }

    @Test
    void systemdStateComesFromSystemctlAndAnAbsentSystemdFallsBackToTheDaemonSocket() throws IOException {
        Path fake = tmp.resolve("systemctl");
        Path state = tmp.resolve("state");
        Files.writeString(state, "inactive");
        Files.writeString(fake, """
                #!/bin/sh
                case "$1" in
                  is-active) cat '%s' ;;
                  show) echo loaded ;;
                  restart) echo active > '%s' ;;
                esac
                """.formatted(state, state));
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        RewritingCommandRunner commands = new RewritingCommandRunner(Map.of("systemctl", fake.toString()));
        ServiceProbe probe = new FallbackProbe(new SystemdServiceProbe(commands, false, "imelab.service"),
                new DaemonSocketProbe("/run/imelab.sock", () -> true));

        HealthReport r = new HealthEvaluation(probe, Optional::empty, logs, CLOCK).evaluate();

        assertEquals(Level.REPAIRED, r.finding(HealthEvaluation.SERVICE).level());
        assertEquals(List.of("systemctl", "restart", "imelab.service"), commands.calls().stream()
                .filter(c -> c.contains("restart")).findFirst().orElseThrow());

        Files.writeString(state, "System has not been booted with systemd as init system (PID 1). Can't operate.");
        HealthReport fallback = new HealthEvaluation(probe, Optional::empty, logs, CLOCK).evaluate();
        assertEquals("the daemon on /run/imelab.sock is running", fallback.finding(HealthEvaluation.SERVICE).message());
    }
}
