package org.imelab.agent.cli;

import java.io.IOException;
import java.io.PrintWriter;
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
import org.imelab.agent.device.HostMachine;
import org.imelab.agent.session.ForegroundAccount;
import org.imelab.agent.ipc.IpcServer;
import java.util.OptionalInt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.X509TrustManager;
import org.imelab.agent.device.DeviceNames;
import org.imelab.agent.enroll.GatewayTrust;
import org.imelab.agent.enroll.LabTrust;
import org.imelab.registry.ime.LabEnrollmentKey;
import org.imelab.registry.ime.LabUsersKey;
import org.imelab.agent.win32app.content.ContentStager;
import org.imelab.agent.inventory.GatewayInventoryUploader;
import org.imelab.agent.inventory.InstalledProgramsSource;
import org.imelab.agent.inventory.InventoryWorkload;
import org.imelab.gateway.protocol.SideCarJson;
import org.imelab.agent.device.DeviceStack;
import org.imelab.agent.device.EmbeddedLab;
import org.imelab.agent.device.WorkloadWakeUps;
import org.imelab.agent.enroll.LabEnrollment;
import org.imelab.agent.sync.CheckinObserver;
import org.imelab.agent.sync.CheckinResult;
import org.imelab.gateway.lab.LabDefinitionException;
import org.imelab.agent.logging.AgentLogging;
import org.imelab.install.service.HostedService;
import org.imelab.install.service.ServiceHosts;
import org.imelab.agent.sync.CheckinHandler;
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
                    + "FILE (default: the sample lab).")
    String lab;

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
        try {
            // before the registry, the logs, the lab gateway or an enrollment: they belong to the running one
            IpcServer.refuseIfRunning(config.ipcSocket());
        } catch (IpcServer.AlreadyRunningException e) {
            err.println("imelab run: " + e.getMessage() + "; stop it first, or use another --home");
            return ExitCodes.FAILURE;
        }
        Registry registry = parent.registryOpener().open(home);
        ImeLogSettings logSettings = AgentLogging.imeLogSettings(home.logsDir(), logLayout,
                new ImeRegistry(registry), Clock.systemDefaultZone());
        ExecutorScheduler scheduler = new ExecutorScheduler("ime-timer", Clock.systemUTC());
        EmsAgent[] agent = new EmsAgent[1];
        ConsoleReporter console = new ConsoleReporter(out, ZoneId.systemDefault(), () -> agent[0].nextCheckin());
        console.line(scheduler.now(), "imelab agent starting; data home " + home.root() + ", logs in "
                + home.logsDir() + ". Ctrl-C stops it.");
        AutoCloseable farewell = () -> console.line(scheduler.now(), "imelab agent stopped.");
        try (ImeLogs logFiles = AgentLogging.current().startImeLogs(logSettings)) {
            List<AutoCloseable> afterStop = new ArrayList<>();
            CheckinHandler handler = noGateway();
            DeviceStack device = null;
            String deviceName = DeviceNames.thisMachine();
            String sideCarUrl = null;
            X509TrustManager trust = null;
            String notifyUrl = null;
            if (lab != null) {
                EmbeddedLab embedded;
                try {
                    embedded = EmbeddedLab.start(home, lab.isEmpty() ? null : Path.of(lab));
                } catch (LabDefinitionException e) {
                    err.println("imelab run: the lab file cannot be used: " + e.getMessage());
                    return ExitCodes.REFUSED;
                }
                afterStop.add(embedded);
                console.line(scheduler.now(), "lab gateway on " + embedded.gateway().baseUrl() + " serving "
                        + embedded.labFile());
                LabEnrollment.Enrolled enrolled = embedded.enroll(home, registry, config.layout(), deviceName,
                        scheduler.now());
                console.line(scheduler.now(), (enrolled.reused() ? "enrolled as device " : "enrolled now as device ")
                        + enrolled.deviceId() + " (" + deviceName + "), MDM certificate "
                        + enrolled.certificate().thumbprint());
                signInAsLabUser(embedded, registry, config, console, scheduler);
                sideCarUrl = embedded.gateway().sideCarUrl();
                trust = embedded.trust();
                notifyUrl = embedded.notifyUrl();
            } else {
                // enrolled earlier (imelab enroll --lab URL): check in with that gateway
                Optional<LabEnrollmentKey.Enrollment> enrollment = new LabEnrollmentKey(registry, config.layout()).read();
                Optional<X509Certificate> root = new GatewayTrust(home).load();
                if (enrollment.isPresent() && root.isPresent()) {
                    sideCarUrl = enrollment.get().sideCarUrl();
                    trust = LabTrust.forRoot(root.get());
                    notifyUrl = URI.create(sideCarUrl).resolve("/lab/notify").toString();
                    console.line(scheduler.now(), "enrolled as device " + enrollment.get().deviceId() + "; gateway "
                            + sideCarUrl);
                } else {
                    console.line(scheduler.now(), "not enrolled with any gateway: run with --lab, or enroll first "
                            + "(imelab enroll --lab URL)");
                }
            }
            if (sideCarUrl != null) {
                device = new DeviceStack(home, registry, config.layout(), scheduler, sideCarUrl, trust, deviceName,
                        (appId, name, bytes, total) -> {
                            // only long downloads are worth a console line; every download is in AppWorkload.log
                            if (Math.max(bytes, total) >= ContentStager.PROGRESS_STEP) {
                                console.line(scheduler.now(), "  downloading " + name + ": " + megabytes(bytes)
                                        + (total > 0 ? " of " + megabytes(total) : ""));
                            }
                        }, HostMachine.of(ForegroundAccount.forThisRun()));
                afterStop.add(0, device);
                console.line(scheduler.now(), "client certificate check: " + device.initialCheck().outcome().summary()
                        + "; using " + device.certificate().thumbprint());
                handler = device.checkinHandler();
                device.startDailyCertificateCheck();
            }
            agent[0] = new EmsAgent(config, registry, scheduler, handler, RandomGenerator.getDefault())
                    .addObserver(console);
            if (device != null) {
                DeviceStack d = device;
                String pushUrl = notifyUrl;
                agent[0].addObserver(new WorkloadWakeUps(scheduler, d::nextDue, agent[0]::triggers));
                // inventory: a delta at start and every 24 h, full the first time and every 7 days
                agent[0].withInventory(InventoryWorkload.forDaemon(InstalledProgramsSource.forRegistry(registry), registry,
                        config.layout(), new GatewayInventoryUploader(d.client(), new SideCarJson(), scheduler.clock()),
                        scheduler));
                agent[0].addObserver(new CheckinObserver() {
                    private boolean listening;

                    @Override
                    public synchronized void checkinFinished(CheckinResult result) {
                        if (!listening) { // the push channel opens once the agent is up and has checked in
                            listening = true;
                            d.startPush(agent[0].triggers(), pushUrl);
                        }
                    }
                });
            }
            List<AutoCloseable> closing = new ArrayList<>(afterStop);
            closing.addAll(List.of(scheduler, registry, farewell, logFiles));
            // started by the Windows service control manager: it drives start and stop
            OptionalInt asService = ServiceHosts.runUnderServiceControlManager(new HostedService() {
                @Override
                public void start() throws IOException {
                    agent[0].start();
                }

                @Override
                public void stop() throws Exception {
                    agent[0].stop();
                    for (AutoCloseable c : closing) {
                        c.close();
                    }
                }
            });
            if (asService.isPresent()) {
                return asService.getAsInt();
            }
            // closed after the agent stopped, on Ctrl-C too, so "EMS Agent Stopped" reaches the file
            if (startDelaySeconds > 0) {
                console.line(scheduler.now(), "first check-in within " + startDelaySeconds + " s (a randomized start "
                        + "delay, as the real agent has; --start-delay 0 skips it)");
            }
            return new ForegroundHost(closing.toArray(new AutoCloseable[0])).run(agent[0]);
        } catch (IpcServer.AlreadyRunningException e) {
            err.println("imelab run: " + e.getMessage() + "; stop it first, or use another --home");
            return ExitCodes.FAILURE;
        }
    }

    /**
     * The lab has no Entra sign-in: when its file names one user, the account running the agent is
     * signed in as that user (unless it already is someone), so its user check-in gets the user's
     * apps while it is logged on. {@code imelab users sign-out} undoes it.
     */
    private static void signInAsLabUser(EmbeddedLab lab, Registry registry, AgentConfig config, ConsoleReporter console,
            ExecutorScheduler scheduler) {
        Optional<String> user = lab.onlyUser();
        String account = System.getProperty("user.name", "");
        if (user.isEmpty() || account.isBlank()) {
            return;
        }
        LabUsersKey users = new LabUsersKey(registry, config.layout());
        Optional<String> already = users.userObjectId(account);
        if (already.isEmpty()) {
            users.signIn(account, user.get());
        }
        console.line(scheduler.now(), "account " + account + " is signed in as user " + already.orElse(user.get())
                + (already.isEmpty() ? " (the lab's user)" : "") + "; it gets a user check-in while logged on "
                + "(imelab users)");
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    /** Without --lab there is no gateway to talk to yet: each check-in says so, and the agent keeps running. */
    private static CheckinHandler noGateway() {
        return request -> org.imelab.agent.sync.CheckinOutcome.failed(
                "no gateway is configured: run with --lab to check in against the embedded lab gateway");
    }
}
