package org.imelab.agent.daemon;

import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Path;
import java.time.Clock;
import org.imelab.logs.ime.ImeLogLayout;
import org.imelab.logs.ime.ImeLogSettings;
import org.imelab.logs.ime.ImeLogSetup;
import org.imelab.logs.ime.ImeLogs;
import org.imelab.registry.Registry;
import org.imelab.registry.ime.AgentLoggingStore;
import org.imelab.registry.ime.ImeLayout;
import org.imelab.registry.ime.LogLimits;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Attaches the IME's CMTrace files to the {@code ime.*} loggers for a daemon run, with the
 * rollover limits an admin set under {@code IntuneWindowsAgent\Logging}.
 */
public final class AgentLogs {
    private AgentLogs() {
    }

    /**
     * @return the attached files (close them after the agent stopped), or null when SLF4J is not
     *         bound to Logback (then nothing is written, as configured by whoever bound it)
     */
    public static ImeLogs install(Registry registry, ImeLayout layout, Path folder, Clock clock) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return null;
        }
        LogLimits limits = new AgentLoggingStore(registry, layout).read();
        ImeLogSettings settings = new ImeLogSettings(folder, ImeLogLayout.DEFAULT, limits.logMaxSize(),
                limits.logMaxHistory(), clock);
        return new ImeLogSetup(settings).install(context);
    }
}
