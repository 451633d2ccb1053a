package org.imelab.install.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.imelab.install.service.ServiceState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hourly health evaluation (the IME's ClientHealthEval.exe, logging to ClientHealth.log):
 * is the service running (start it when it is down), how old is the last check-in, can the log
 * folder be written. Runs once per call; the schedule is the task or timer's business.
 */
public final class HealthEvaluation {
    /** Twice the 60-minute check-in interval: one missed check-in is not yet a problem. */
    public static final Duration MAX_CHECK_IN_AGE = Duration.ofHours(2);

    public static final String SERVICE = "ServiceRunning";
    public static final String CHECK_IN = "LastCheckIn";
    public static final String LOG_FOLDER = "LogFolderWritable";

    private final Logger log;
    private final ServiceProbe service;
    private final Supplier<Optional<Instant>> lastCheckIn;
    private final Path logFolder;
    private final Clock clock;

    public HealthEvaluation(ServiceProbe service, Supplier<Optional<Instant>> lastCheckIn, Path logFolder, Clock clock) {
        this(LoggerFactory.getLogger("ime.ClientHealth"), service, lastCheckIn, logFolder, clock);
    }

    HealthEvaluation(Logger log, ServiceProbe service, Supplier<Optional<Instant>> lastCheckIn, Path logFolder, Clock clock) {
        this.log = log;
        this.service = service;
        this.lastCheckIn = lastCheckIn;
        this.logFolder = logFolder;
        this.clock = clock;
    }

    public HealthReport evaluate() {
        log.info("[ClientHealth] Health evaluation started");
        List<HealthReport.Finding> findings = new ArrayList<>();
        findings.add(checkService());
        findings.add(checkLastCheckIn());
        findings.add(checkLogFolder());
        HealthReport report = new HealthReport(findings);
        for (HealthReport.Finding f : findings) {
            switch (f.level()) {
                case OK, REPAIRED -> log.info("[ClientHealth] {}: {}", f.check(), f.message());
                case WARNING -> log.warn("[ClientHealth] {}: {}", f.check(), f.message());
                case FAILED -> log.error("[ClientHealth] {}: {}", f.check(), f.message());
            }
        }
        log.info("[ClientHealth] Health evaluation completed, the client is {}", report.healthy() ? "healthy" : "not healthy");
        return report;
    }

    private HealthReport.Finding checkService() {
        ServiceState state = service.state();
        String subject = service.subject();
        return switch (state) {
            case RUNNING -> new HealthReport.Finding(SERVICE, HealthReport.Level.OK, subject + " is running");
            case START_PENDING -> new HealthReport.Finding(SERVICE, HealthReport.Level.OK, subject + " is starting");
            case NOT_INSTALLED -> new HealthReport.Finding(SERVICE, HealthReport.Level.FAILED, subject + " is not installed");
            case UNKNOWN -> new HealthReport.Finding(SERVICE, HealthReport.Level.FAILED, "cannot tell whether " + subject + " is running");
            default -> restart(subject, state);
        };
    }

    private HealthReport.Finding restart(String subject, ServiceState state) {
        if (!service.canRestart()) {
            return new HealthReport.Finding(SERVICE, HealthReport.Level.FAILED, subject + " is " + state + " and cannot be restarted from here");
        }
        log.warn("[ClientHealth] {} is {}; restarting it", subject, state);
        try {
            service.restart();
        } catch (RuntimeException e) {
            return new HealthReport.Finding(SERVICE, HealthReport.Level.FAILED, subject + " is " + state + " and restarting it failed: " + e.getMessage());
        }
        ServiceState after = service.state();
        return after == ServiceState.RUNNING || after == ServiceState.START_PENDING
                ? new HealthReport.Finding(SERVICE, HealthReport.Level.REPAIRED, subject + " was " + state + " and has been restarted")
                : new HealthReport.Finding(SERVICE, HealthReport.Level.FAILED, subject + " was restarted but is " + after);
    }

    private HealthReport.Finding checkLastCheckIn() {
        Optional<Instant> last = lastCheckIn.get();
        if (last.isEmpty()) {
            return new HealthReport.Finding(CHECK_IN, HealthReport.Level.WARNING, "no check-in has been recorded yet");
        }
        Duration age = Duration.between(last.get(), clock.instant());
        String text = "last check-in at " + last.get() + " (" + age.toMinutes() + " minutes ago)";
        return age.compareTo(MAX_CHECK_IN_AGE) > 0
                ? new HealthReport.Finding(CHECK_IN, HealthReport.Level.FAILED, text + ", older than " + MAX_CHECK_IN_AGE.toMinutes() + " minutes")
                : new HealthReport.Finding(CHECK_IN, HealthReport.Level.OK, text);
    }

    private HealthReport.Finding checkLogFolder() {
        if (!Files.isDirectory(logFolder)) {
            return new HealthReport.Finding(LOG_FOLDER, HealthReport.Level.FAILED, "log folder " + logFolder + " does not exist");
        }
        try {
            Path probe = Files.createTempFile(logFolder, ".clienthealth-", ".tmp");
            Files.delete(probe);
            return new HealthReport.Finding(LOG_FOLDER, HealthReport.Level.OK, "log folder " + logFolder + " is writable");
        } catch (IOException e) {
            return new HealthReport.Finding(LOG_FOLDER, HealthReport.Level.FAILED, "log folder " + logFolder + " is not writable: " + e.getMessage());
        }
    }
}
