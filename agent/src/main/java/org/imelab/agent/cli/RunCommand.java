package org.imelab.agent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import org.imelab.agent.DataHome;
import org.imelab.agent.daemon.AgentConfig;
import org.imelab.agent.daemon.ConsoleReporter;
import org.imelab.agent.daemon.EmsAgent;
import org.imelab.agent.daemon.ForegroundHost;
import org.imelab.agent.ipc.DaemonNotRunningException;
import org.imelab.agent.ipc.IpcClient;
import org.imelab.agent.ipc.IpcServer;
import org.imelab.agent.ipc.IpcVerb;
import java.nio.file.Files;
import java.util.OptionalInt;
import org.imelab.agent.logging.AgentLogging;
import org.imelab.install.service.HostedService;
import org.imelab.install.service.ServiceHosts;
import org.imelab.agent.sync.CheckinRequest;
import org.imelab.gateway.lab.SampleLab;
import org.imelab.gateway.protocol.win32.PolicySet;
import org.imelab.agent.time.ExecutorScheduler;
import org.imelab.logs.ime.ImeLogLayout;
import org.imelab.logs.ime.ImeLogSettings;
import org.imelab.logs.ime.ImeLogs;
import org.imelab.registry.Registry;
import org.imelab.registry.ime.ImeRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Runs the agent in the foreground until Ctrl-C or SIGTERM. */
@Command(name = "run",
        description = {"Run the agent in the foreground until Ctrl-C or SIGTERM.",
            "It checks in at start (after a short random delay), every 60 minutes, and when",
            "`imelab sync` or `imelab moniker intunemanagementextension://syncapp` asks."})
public final class RunCommand implements Callable<Integer> {

    @ParentCommand
    ImelabCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--start-delay", paramLabel = "SECONDS",
            description = "Upper bound of the random delay before the first check-in (default: ${DEFAULT-VALUE}; 0 = at once).")
    long startDelaySeconds = org.imelab.agent.time.Cadences.START_DELAY_MAX.toSeconds();

    @Option(names = "--lab", arity = "0..1", paramLabel = "FILE", fallbackValue = "",
            description = "Run the lab gateway embedded on loopback and check in against it, serving the lab "
                    + "FILE (default: the sample lab). The device enrolls itself the first time.")
    String lab;

    @Option(names = "--gateway", paramLabel = "URL",
            description = "Check in with the SideCar gateway at URL (e.g. the one `imelab lab-gateway` prints), "
                    + "with the device certificate GetMDMCert picks.")
    String gatewayUrl;

    @Option(names = "--gateway-ca", paramLabel = "FILE",
            description = "PEM file of the CA that issued the gateway's TLS certificate (with --gateway).")
    Path gatewayCa;

    @Option(names = "--log-layout", paramLabel = "LAYOUT", converter = LogLayoutConverter.class,
            description = "IME log files: default (the 2408+ split: Win32 app lines in AppWorkload.log) or legacy "
                    + "(Win32 app lines in IntuneManagementExtension.log, as agents before 2408).")
    ImeLogLayout logLayout = ImeLogLayout.DEFAULT;

    static final class LogLayoutConverter implements picocli.CommandLine.ITypeConverter<ImeLogLayout> {
        @Override
        public ImeLogLayout convert(String value) {
            return ImeLogLayout.parse(value);
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (lab != null && gatewayUrl != null) {
            err.println("imelab run: --lab runs its own gateway; give either --lab or --gateway, not both");
            return ExitCodes.REFUSED;
        }
        if ((gatewayUrl == null) != (gatewayCa == null)) {
            err.println("imelab run: --gateway and --gateway-ca go together");
            return ExitCodes.REFUSED;
        }
        AgentConfig config;
        try {
            config = AgentConfig.defaults(parent.dataHome().ipcSocket())
                    .withImeRoot(parent.imeRoot())
                    .withStartDelayMax(Duration.ofSeconds(startDelaySeconds));
        } catch (IllegalArgumentException e) {
            err.println("imelab run: " + e.getMessage());
            return ExitCodes.REFUSED;
        }
        DataHome home = parent.dataHome();
        if (Files.exists(home.ipcSocket())) {
            try {
                new IpcClient(home.ipcSocket(), DaemonCall.TIMEOUT).send(IpcVerb.STATUS);
                err.println("imelab run: an imelab agent already runs on " + home.root()
                        + "; stop it first, or use another --home");
                return ExitCodes.FAILURE;
            } catch (DaemonNotRunningException e) {
                // a socket left by an agent that died: the new agent replaces it
            } catch (IOException e) {
                err.println("imelab run: something answers on " + home.ipcSocket() + " but not as an agent: "
                        + e.getMessage());
                return ExitCodes.FAILURE;
            }
        }
        Registry registry = parent.registryOpener().open(home);
        ImeLogSettings logSettings = AgentLogging.imeLogSettings(home.logsDir(), logLayout,
                new ImeRegistry(registry), Clock.systemDefaultZone());
        ExecutorScheduler scheduler = new ExecutorScheduler("ime-timer", Clock.systemUTC());
        CheckinWiring.Wiring wiring;
        try {
            CheckinWiring.Context ctx = new CheckinWiring.Context(home, registry, config.layout(), scheduler,
                    Clock.systemUTC(), RandomGenerator.getDefault(), RunCommand::policiesOnly);
            wiring = lab != null ? CheckinWiring.embeddedLab(ctx, lab.isEmpty()
                            ? SampleLab.extractTo(home.root().resolve("lab").resolve("sample")) : Path.of(lab))
                    : gatewayUrl != null ? CheckinWiring.remote(ctx, gatewayUrl, gatewayCa)
                    : CheckinWiring.none();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            err.println("imelab run: " + e.getMessage());
            scheduler.close();
            registry.close();
            return ExitCodes.FAILURE;
        }
        EmsAgent[] agent = new EmsAgent[1];
        ConsoleReporter console = new ConsoleReporter(out, ZoneId.systemDefault(), () -> agent[0].nextCheckin());
        agent[0] = new EmsAgent(config, registry, scheduler, wiring.handler(), RandomGenerator.getDefault())
                .addObserver(console);
        wiring.companions().forEach(agent[0]::addCompanion);
        console.line(scheduler.now(), "imelab agent starting; data home " + home.root() + ", logs in "
                + home.logsDir() + "; " + wiring.description() + ". Ctrl-C stops it.");
        AutoCloseable farewell = () -> {
            for (AutoCloseable c : wiring.closeables()) {
                c.close();
            }
            console.line(scheduler.now(), "imelab agent stopped.");
        };
        try (ImeLogs logFiles = AgentLogging.current().startImeLogs(logSettings)) {
            // started by the Windows service control manager: it drives start and stop
            OptionalInt asService = ServiceHosts.runUnderServiceControlManager(new HostedService() {
                @Override
                public void start() throws IOException {
                    agent[0].start();
                }

                @Override
                public void stop() throws Exception {
                    agent[0].stop();
                    scheduler.close();
                    registry.close();
                    farewell.close();
                }
            });
            if (asService.isPresent()) {
                return asService.getAsInt();
            }
            // closed after the agent stopped, on Ctrl-C too, so "EMS Agent Stopped" reaches the file
            return new ForegroundHost(scheduler, registry, farewell, logFiles).run(agent[0]);
        } catch (IpcServer.AlreadyRunningException e) {
            err.println("imelab run: " + e.getMessage() + "; stop it first, or use another --home");
            return ExitCodes.FAILURE;
        }
    }

    /**
     * The Win32 app workload until the engine is wired in: the policies are fetched, logged and
     * validated; nothing is installed.
     */
    private static String policiesOnly(PolicySet policies, CheckinRequest request) {
        int n = policies.accepted().size();
        return n + " app polic" + (n == 1 ? "y" : "ies") + " received (the Win32 app engine is not wired in yet)";
    }
}
