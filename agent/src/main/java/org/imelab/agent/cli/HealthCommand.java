package org.imelab.agent.cli;

import ch.qos.logback.classic.LoggerContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.imelab.agent.DataHome;
import org.imelab.agent.ipc.IpcClient;
import org.imelab.agent.ipc.IpcVerb;
import org.imelab.install.health.DaemonSocketProbe;
import org.imelab.install.health.FallbackProbe;
import org.imelab.install.health.HealthEvaluation;
import org.imelab.install.health.HealthReport;
import org.imelab.install.health.ScmServiceProbe;
import org.imelab.install.health.ServiceProbe;
import org.imelab.install.health.SystemdServiceProbe;
import org.imelab.install.plan.Scope;
import org.imelab.install.process.ProcessCommandRunner;
import org.imelab.install.windows.ScmServiceManager;
import org.imelab.logs.ime.ImeLogLayout;
import org.imelab.logs.ime.ImeLogSettings;
import org.imelab.logs.ime.ImeLogSetup;
import org.imelab.logs.ime.ImeLogs;
import org.imelab.registry.Registry;
import org.imelab.registry.ime.CheckinStateKey;
import org.imelab.registry.ime.ImeLayout;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * The health evaluation the hourly task or timer runs (the IME's ClientHealthEval.exe): writes
 * ClientHealth.log, restarts the service when it is down.
 */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = {"Evaluate the agent's health once and write ClientHealth.log.",
            "Checks: is the service running (it is started when it is down), how old is the last check-in, can the log folder be written.",
            "Exit codes: 0 healthy, 1 not healthy, 2 refused."})
public final class HealthCommand implements Callable<Integer> {

    @ParentCommand
    ImelabCommand parent;

    @Mixin
    InstallTargetOptions target;

    @Override
    public Integer call() {
        return target.run(parent, this::evaluate);
    }

    private int evaluate(InstallTarget t) {
        PrintWriter out = target.out();
        DataHome home = new DataHome(t.dataHome());
        Path socket = home.ipcSocket();
        ServiceProbe probe = t.windows()
                ? new ScmServiceProbe(new ScmServiceManager(), t.serviceName())
                : new FallbackProbe(new SystemdServiceProbe(new ProcessCommandRunner(), t.scope() == Scope.USER, t.serviceName() + ".service"),
                        new DaemonSocketProbe(socket.toString(), () -> answers(socket)));
        Clock clock = Clock.systemDefaultZone();
        HealthReport report;
        // the ime.ClientHealth lines go to ClientHealth.log for as long as the evaluation runs
        ImeLogs logs = new ImeLogSetup(ImeLogSettings.defaults(home.logsDir(), ImeLogLayout.DEFAULT, clock))
                .install((LoggerContext) LoggerFactory.getILoggerFactory());
        try {
            report = new HealthEvaluation(probe, () -> lastCheckIn(home), home.logsDir(), clock).evaluate();
        } finally {
            logs.close();
        }
        for (HealthReport.Finding f : report.findings()) {
            out.printf("%-18s %-9s %s%n", f.check(), f.level(), f.message());
        }
        out.println(report.healthy() ? "Healthy." : "Not healthy.");
        out.flush();
        return report.healthy() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private Optional<Instant> lastCheckIn(DataHome home) {
        try (Registry registry = parent.registryOpener().open(home)) {
            return new CheckinStateKey(registry, ImeLayout.at(parent.imeRoot())).read().lastCheckin();
        } catch (IOException | RuntimeException e) {
            target.complain("cannot read the last check-in from the registry: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** True when a daemon answers a status request on {@code socket}. */
    static boolean answers(Path socket) {
        try {
            new IpcClient(socket, Duration.ofSeconds(5)).send(IpcVerb.STATUS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
