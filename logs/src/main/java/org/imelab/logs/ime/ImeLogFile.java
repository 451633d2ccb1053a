package org.imelab.logs.ime;

import java.util.Optional;

/**
 * The IME log files imelab writes (ime-behaviour.md Part A, C §2.1), each fed by the logger
 * {@code ime.<Base>} and written with component {@code <Base>}.
 */
public enum ImeLogFile {
    /** Service, check-ins, poller (and, in the legacy layout, the Win32 app lines). */
    INTUNE_MANAGEMENT_EXTENSION("IntuneManagementExtension"),
    /** Win32 app processing since agent 2408. */
    APP_WORKLOAD("AppWorkload"),
    /** PowerShell script executions. */
    AGENT_EXECUTOR("AgentExecutor"),
    /** Remediations. */
    HEALTH_SCRIPTS("HealthScripts"),
    /** Device client certificate checks. */
    CLIENT_CERT_CHECK("ClientCertCheck"),
    /** IME health. */
    CLIENT_HEALTH("ClientHealth"),
    /** App inventory collector. */
    WIN32_APP_INVENTORY("Win32AppInventory");

    /** Prefix of the logger names that feed the IME files. */
    public static final String LOGGER_PREFIX = "ime.";

    private final String baseName;

    ImeLogFile(String baseName) {
        this.baseName = baseName;
    }

    /** File name without {@code .log}, also the default component. */
    public String baseName() {
        return baseName;
    }

    /** {@code <Base>.log} */
    public String fileName() {
        return baseName + ".log";
    }

    /** {@code ime.<Base>}: log through {@code LoggerFactory.getLogger(file.loggerName())}. */
    public String loggerName() {
        return LOGGER_PREFIX + baseName;
    }

    /** The file fed by a logger name, case-sensitive like Logback's logger names. */
    public static Optional<ImeLogFile> ofLogger(String loggerName) {
        for (ImeLogFile f : values()) {
            if (f.loggerName().equals(loggerName)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
