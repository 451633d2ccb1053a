package org.imelab.agent.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.imelab.logs.ime.ImeLogLayout;
import org.imelab.logs.ime.ImeLogSettings;
import org.imelab.logs.ime.ImeLogSetup;
import org.imelab.logs.ime.ImeLogs;
import org.imelab.registry.ime.ImeRegistry;
import org.imelab.registry.ime.LogLimits;
import org.slf4j.LoggerFactory;

/**
 * The agent's logging, set up in code (no logback.xml): the developer console from the first
 * log call ({@link AgentLogbackConfigurator}), and the IME's CMTrace files once agent logic
 * starts. {@code imelab run} (and any command that runs agent logic) calls, before anything logs
 * to an {@code ime.*} logger:
 *
 * <pre>{@code
 * try (ImeLogs files = AgentLogging.current().startImeLogs(
 *         AgentLogging.imeLogSettings(home.logsDir(), ImeLogLayout.DEFAULT, new ImeRegistry(registry), clock))) {
 *     ... run the agent ...
 * }
 * }</pre>
 *
 * Commands that only look at state ({@code imelab logs}, {@code imelab reg query}) don't, so they
 * never write an IME log file.
 */
public final class AgentLogging {

    private final LoggerContext context;

    public AgentLogging(LoggerContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /** The process's Logback context (SLF4J's binding). */
    public static AgentLogging current() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            return new AgentLogging(context);
        }
        throw new IllegalStateException("SLF4J is not bound to Logback but to "
                + LoggerFactory.getILoggerFactory().getClass().getName());
    }

    public LoggerContext context() {
        return context;
    }

    /**
     * The IME log settings: the log folder, the layout, {@code LogMaxSize}/{@code LogMaxHistory}
     * as the registry holds them under {@code IntuneWindowsAgent\Logging} (defaults 2 MB and 3
     * when absent or unusable), the clock for rotation names and the local time of the lines.
     */
    public static ImeLogSettings imeLogSettings(Path logsDir, ImeLogLayout layout, ImeRegistry registry, Clock clock) {
        return imeLogSettings(logsDir, layout, registry.logging().read(), clock);
    }

    /** As {@link #imeLogSettings(Path, ImeLogLayout, ImeRegistry, Clock)}, from limits already read. */
    public static ImeLogSettings imeLogSettings(Path logsDir, ImeLogLayout layout, LogLimits limits, Clock clock) {
        return new ImeLogSettings(logsDir, layout, limits.logMaxSize(), limits.logMaxHistory(), clock);
    }

    /** Opens the IME log files; close the result when the agent stops. */
    public ImeLogs startImeLogs(ImeLogSettings settings) {
        return new ImeLogSetup(settings).install(context);
    }

    /** The developer console's threshold (e.g. DEBUG for {@code --verbose}). */
    public void setConsoleLevel(Level level) {
        DeveloperConsole.setLevel(context, level);
    }
}
