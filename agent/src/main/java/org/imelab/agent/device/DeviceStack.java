package org.imelab.agent.device;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.InstantSource;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.imelab.agent.DataHome;
import org.imelab.agent.gateway.Backoff;
import org.imelab.agent.gateway.GatewayClient;
import org.imelab.agent.gateway.LabPushListener;
import org.imelab.agent.gateway.PushNotifications;
import org.imelab.agent.gateway.SideCarCheckin;
import org.imelab.agent.gateway.UserCheckins;
import org.imelab.agent.session.SignedInUsers;
import org.imelab.certpicker.mdm.LabTenant;
import org.imelab.gateway.lab.LabUserToken;
import org.imelab.registry.ime.LabUsersKey;
import org.imelab.agent.sync.CheckinHandler;
import org.imelab.agent.sync.CheckinTriggers;
import org.imelab.agent.time.PeriodicJob;
import org.imelab.agent.time.Scheduler;
import org.imelab.agent.win32app.content.ContentStager;
import org.imelab.agent.win32app.content.DownloadProgress;
import org.imelab.agent.win32app.engine.EngineSettings;
import org.imelab.agent.win32app.engine.LabPolicyFaults;
import org.imelab.agent.win32app.engine.Win32AppEngine;
import org.imelab.agent.win32app.engine.Win32AppServices;
import org.imelab.agent.device.restart.LabBootTime;
import org.imelab.agent.device.restart.SystemBootTime;
import org.imelab.agent.device.restart.DeviceRestarter;
import org.imelab.registry.ime.LabRestartKey;
import org.imelab.agent.win32app.exec.InstallerRunner;
import org.imelab.agent.win32app.report.ReportingManager;
import org.imelab.agent.win32app.rules.DetectionEvaluator;
import org.imelab.agent.win32app.rules.DeviceFacts;
import org.imelab.agent.win32app.rules.MsiProducts;
import org.imelab.agent.win32app.rules.RequirementEvaluator;
import org.imelab.agent.win32app.rules.ScriptHost;
import org.imelab.agent.win32app.rules.SystemDeviceFacts;
import org.imelab.agent.win32app.rules.UninstallKeyMsiProducts;
import org.imelab.agent.win32app.rules.WindowsPaths;
import org.imelab.agent.win32app.rules.windows.WindowsInstallerMsiProducts;
import org.imelab.agent.win32app.sidecar.SideCarWin32AppService;
import org.imelab.certpicker.CertificateSource;
import org.imelab.certpicker.CertificateSources;
import org.imelab.certpicker.check.CertCheckReport;
import org.imelab.certpicker.check.ClientCertChecker;
import org.imelab.certpicker.check.DeviceCertificateProvider;
import org.imelab.certpicker.check.MdmCandidate;
import org.imelab.certpicker.check.MdmCertificatePicker;
import org.imelab.certpicker.check.MdmCertificateSearch;
import org.imelab.certpicker.check.TenantFlighting;
import org.imelab.certpicker.tls.ClientKeyManagers;
import org.imelab.gateway.content.ContentDecryptor;
import org.imelab.gateway.content.SafeUnzipper;
import org.imelab.gateway.protocol.ClientInfo;
import org.imelab.gateway.protocol.SideCarJson;
import org.imelab.registry.Registry;
import org.imelab.registry.ime.CertMetadataKey;
import org.imelab.registry.ime.ImeLayout;
import org.imelab.registry.ime.ImeRegistry;

/**
 * The device side of a check-in, assembled once for the daemon: the Client Cert Checker and
 * GetDeviceCertificate choose the MDM certificate, the gateway client does mutual TLS with it, and
 * the Win32 app engine processes what {@link SideCarCheckin} fetched. Everything the daemon needs
 * from the gateway goes through here; {@code RunCommand} only starts and stops it.
 */
public final class DeviceStack implements AutoCloseable {
    /** The agent version imelab reports in ClientInfo (an IME 1.93-era number; it is a lab). */
    public static final String AGENT_VERSION = "1.93.102.0";

    private final SideCarJson json = new SideCarJson();
    private final DeviceCertificateProvider certificates;
    private final ClientCertChecker checker;
    private final MdmCandidate certificate;
    private final GatewayClient client;
    private final Win32AppEngine engine;
    private final UserEngines userEngines;
    private final SideCarCheckin checkin;
    private final PushNotifications notifications = new PushNotifications();
    private final OkHttpClient cdn;
    private final Scheduler scheduler;
    private final DownloadProgress downloads;
    private LabPushListener push;
    private PeriodicJob dailyCheck;

    /** The Client Cert Checker task's cadence after the run at start. */
    public static final Duration CERT_CHECK_INTERVAL = Duration.ofDays(1);

    /** What the console shows at start. */
    public record Started(CertCheckReport check, MdmCandidate certificate) {
    }

    private final CertCheckReport initialCheck;

    /**
     * @throws IOException when no usable MDM certificate is in the stores
     * @param sideCarUrl the gateway's SideCar URL
     * @param trust      trust for the gateway's TLS certificate
     * @param downloads  told how content downloads advance (the console of {@code imelab run})
     * @param host who is logged on (the operating system's sessions; each one signed in as an Entra
     *             user, {@code imelab users sign-in}, gets a user check-in after the device's) and
     *             how the machine is restarted when a restart is allowed
     */
    public DeviceStack(DataHome home, Registry registry, ImeLayout layout, Scheduler scheduler, String sideCarUrl,
            X509TrustManager trust, String deviceName, DownloadProgress downloads, HostMachine host)
            throws IOException {
        this.downloads = downloads;
        this.scheduler = scheduler;
        InstantSource clock = scheduler.clock();
        CertificateSource source = CertificateSources.forThisMachine(home.certStoreDir());
        MdmCertificateSearch search = new MdmCertificateSearch(source);
        CertMetadataKey metadata = new CertMetadataKey(registry, layout);
        ClientInfo info = ClientInfo.of(deviceName, osVersion(registry, home), AGENT_VERSION, clock.instant(), null,
                false, Map.of());
        checker = new ClientCertChecker(search, metadata, TenantFlighting.labDefault(),
                new SideCarCertificateValidation(search, candidate -> new GatewayClient(sideCarUrl,
                        mutualTls(ClientKeyManagers.forCertificate(source, candidate.certificate()), trust), trust,
                        info, scheduler, GatewayClient.Timeouts.DEFAULT, Backoff.none(), RandomGenerator.getDefault(),
                        json), json), clock);
        MdmCertificatePicker picker = new MdmCertificatePicker(search, metadata, clock);
        certificates = new DeviceCertificateProvider(picker, clock);
        // The real agent checks at start, then GetDeviceCertificate gives the certificate to use.
        initialCheck = checker.run();
        certificate = certificates.deviceCertificate().orElseThrow(() -> new IOException(
                "No usable MDM certificate (OID 1.2.840.113556.5.6 with a private key) in " + source.describe()
                        + "; enroll first (imelab run --lab enrolls against the lab)"));
        SSLContext tls = mutualTls(certificates.keyManager().orElseThrow(), trust);
        client = new GatewayClient(sideCarUrl, tls, trust, info, scheduler, GatewayClient.Timeouts.DEFAULT,
                Backoff.DEFAULT, RandomGenerator.getDefault(), json);
        cdn = new OkHttpClient.Builder().sslSocketFactory(tls.getSocketFactory(), trust)
                .readTimeout(5, TimeUnit.MINUTES).build();
        Win32AppServices services = newServices(home, registry, layout, clock, source, host.restarter());
        engine = new Win32AppEngine(services);
        userEngines = new UserEngines(new SignedInUsers(host.loggedOn(), new LabUsersKey(registry, layout)),
                user -> new Win32AppEngine(services, user));
        String tenant = certificate.intune().tenantId().orElse(LabTenant.TENANT_ID).toString();
        checkin = new SideCarCheckin(client, json, engine, notifications,
                () -> Optional.of(certificate.thumbprint()),
                new UserCheckins(userEngines, user -> LabUserToken.bearer(user.userObjectId(), tenant), json));
    }

    private static SSLContext mutualTls(X509ExtendedKeyManager keys, X509TrustManager trust) throws IOException {
        try {
            return ClientKeyManagers.sslContext(keys, new TrustManager[] {trust});
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot set up mutual TLS with the device certificate", e);
        }
    }

    private Win32AppServices newServices(DataHome home, Registry registry, ImeLayout layout, InstantSource clock,
            CertificateSource source, DeviceRestarter restarter) throws IOException {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        Path drive = home.root().resolve("device");
        WindowsPaths paths = windows ? WindowsPaths.windows(System.getenv(), true)
                : WindowsPaths.emulated(drive, System.getenv(), true);
        ScriptHost scripts = new ScriptHost(home.root().resolve("Content").resolve("DetectionScripts"), windows,
                paths.environment(), ScriptHost.DEFAULT_TIMEOUT);
        DeviceFacts facts = SystemDeviceFacts.forThisMachine(registry, windows ? Path.of("C:\\") : drive);
        // on Windows, Windows Installer answers (it also knows per-user products); elsewhere the Uninstall keys
        MsiProducts msi = windows ? new WindowsInstallerMsiProducts() : new UninstallKeyMsiProducts(registry);
        PrivateKey key = source.privateKeyEntry(certificate.certificate())
                .orElseThrow(() -> new IOException("The device certificate's private key cannot be used"))
                .getPrivateKey();
        SideCarWin32AppService service = new SideCarWin32AppService(client, json,
                certificate.certificate().certificate(), key, null, cdn);
        EngineSettings settings = EngineSettings.under(home.root(), home.imeCacheDir())
                .withInstallerEnvironment(paths.environment());
        ImeRegistry ime = new ImeRegistry(registry, layout);
        // the stack talks to imelab's lab gateway, so it obeys the faults the lab file injects
        Win32AppServices services = new Win32AppServices(ime,
                new DetectionEvaluator(registry, paths, msi, scripts, facts),
                new RequirementEvaluator(facts, registry, paths, msi, scripts),
                new ContentStager(service, settings.incomingDir(), settings.imeCacheDir(), new ContentDecryptor(),
                        new SafeUnzipper(), downloads),
                InstallerRunner.forThisMachine(), new ReportingManager(service, ime.pendingReports()),
                new LabPolicyFaults(), clock, settings,
                // the machine's uptime is physical time, whatever clock the schedule runs on
                new LabBootTime(SystemBootTime.forThisMachine(InstantSource.system()),
                        new LabRestartKey(registry, layout)),
                restarter);
        return services;
    }

    /**
     * ClientInfo's OperatingSystemVersion: Windows' own version on Windows; elsewhere the real OS
     * (e.g. {@code Linux 6.1.0}), so a lab gateway serves this device its non-Windows app forms.
     */
    private static String osVersion(Registry registry, DataHome home) {
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            return SystemDeviceFacts.forThisMachine(registry, Path.of("C:\\")).osVersion()
                    .orElse(System.getProperty("os.version"));
        }
        return System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    public CertCheckReport initialCheck() {
        return initialCheck;
    }

    public MdmCandidate certificate() {
        return certificate;
    }

    public CheckinHandler checkinHandler() {
        return checkin;
    }

    public Win32AppEngine engine() {
        return engine;
    }

    /** The engines of the logged-on users seen at the last check-in. */
    public UserEngines userEngines() {
        return userEngines;
    }

    /** The earliest work due in any scope (the device's or a logged-on user's), for the wake-ups. */
    public Optional<Instant> nextDue() {
        return java.util.stream.Stream.of(engine.nextDue(), userEngines.nextDue()).flatMap(Optional::stream)
                .min(Instant::compareTo);
    }

    public GatewayClient client() {
        return client;
    }

    /** Runs the Client Cert Checker again (the daily task). */
    public CertCheckReport checkCertificates() {
        CertCheckReport report = checker.run();
        certificates.invalidate();
        return report;
    }

    /**
     * The Client Cert Checker's daily run inside the daemon, as the real scheduled task does it
     * (the install issue also registers the task itself). The next GetDeviceCertificate picks up
     * whatever the check decided.
     */
    public synchronized void startDailyCertificateCheck() {
        if (dailyCheck == null) {
            dailyCheck = new PeriodicJob("client-cert-check", scheduler, CERT_CHECK_INTERVAL, () -> {
                checkCertificates();
                return CERT_CHECK_INTERVAL;
            });
            dailyCheck.startIn(CERT_CHECK_INTERVAL);
        }
    }

    /** Listens for the lab gateway's "sync now" on its long-poll channel. */
    public synchronized void startPush(CheckinTriggers triggers, String notifyUrl) {
        push = new LabPushListener(client, notifyUrl, triggers, notifications, scheduler, RandomGenerator.getDefault());
        push.start();
    }

    @Override
    public synchronized void close() {
        if (dailyCheck != null) {
            dailyCheck.stop();
        }
        if (push != null) {
            push.close();
        }
        client.close();
        cdn.dispatcher().executorService().shutdown();
        cdn.connectionPool().evictAll();
    }

}
