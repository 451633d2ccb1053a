package org.imelab.agent.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's first configuration of the process, found through {@code META-INF/services}: the
 * {@link DeveloperConsole} only. IME log files are never opened here; the daemon (and any
 * command that runs agent logic) adds them with {@link AgentLogging#startImeLogs}, so
 * {@code imelab logs}, {@code imelab reg ...} and the like never write an IME log file.
 *
 * <p>With {@code -Dlogback.configurationFile=...} a developer's own XML takes over instead.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class AgentLogbackConfigurator extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        DeveloperConsole.install(context, DeveloperConsole.requestedLevel(
                System.getProperty(DeveloperConsole.LEVEL_PROPERTY), System.getenv(DeveloperConsole.LEVEL_VARIABLE)));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
