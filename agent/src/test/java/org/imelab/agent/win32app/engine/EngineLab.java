package org.imelab.agent.win32app.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.imelab.agent.gateway.Backoff;
import org.imelab.agent.gateway.GatewayClient;
import org.imelab.agent.gateway.PushNotifications;
import org.imelab.agent.gateway.SideCarCheckin;
import org.imelab.agent.sync.CheckinOutcome;
import org.imelab.agent.sync.CheckinRequest;
import org.imelab.agent.sync.CheckinTrigger;
import org.imelab.agent.device.restart.LabBootTime;
import org.imelab.agent.time.ManualScheduler;
import org.imelab.agent.win32app.content.ContentService;
import org.imelab.agent.win32app.content.ContentStager;
import org.imelab.agent.win32app.exec.InstallerRunner;
import org.imelab.agent.win32app.report.ReportingManager;
import org.imelab.agent.win32app.rules.DetectionEvaluator;
import org.imelab.agent.win32app.rules.DeviceFacts;
import org.imelab.agent.win32app.rules.OsArchitecture;
import org.imelab.agent.win32app.rules.RequirementEvaluator;
import org.imelab.agent.win32app.rules.ScriptHost;
import org.imelab.agent.win32app.rules.UninstallKeyMsiProducts;
import org.imelab.agent.win32app.rules.WindowsPaths;
import org.imelab.agent.win32app.sidecar.SideCarWin32AppService;
import org.imelab.gateway.content.ContentDecryptor;
import org.imelab.gateway.content.SafeUnzipper;
import org.imelab.gateway.lab.EnrollRequest;
import org.imelab.gateway.lab.EnrollResponse;
import org.imelab.gateway.lab.LabConfig;
import org.imelab.gateway.lab.LabGateway;
import org.imelab.gateway.protocol.ClientInfo;
import org.imelab.gateway.protocol.SideCarJson;
import org.imelab.gateway.protocol.win32.Detection;
import org.imelab.gateway.protocol.win32.DetectionRule;
import org.imelab.gateway.protocol.win32.Win32AppPolicy;
import org.imelab.registry.Registry;
import org.imelab.registry.file.FileRegistry;
import org.imelab.registry.ime.ImeRegistry;
import org.imelab.registry.ime.LabRestartKey;

/**
 * A lab for the engine's end-to-end tests: the lab gateway over HTTPS on loopback, a device
 * enrolled with it, and the engine wired as the daemon wires it (SideCarCheckin, GatewayClient,
 * mutual TLS), over a file registry and an emulated Windows drive in a temporary folder. Time is a
 * {@link ManualScheduler}'s; installers are tiny sh scripts.
 */
final class EngineLab implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private static KeyPair sharedKey;

    final Path dir;
    final SideCarJson json = new SideCarJson();
    final LabGateway gateway;
    final ManualScheduler scheduler = new ManualScheduler(T0);
    final Path labFile;
    final WindowsPaths paths;
    final KeyPair key;
    final X509Certificate deviceCertificate;
    final String deviceId;
    final SSLContext tls;
    final X509TrustManager trust;
    final OkHttpClient cdn;
    final GatewayClient client;
    Registry registry;
    ImeRegistry ime;
    Win32AppEngine engine;
    ContentService contentService;
    AppFaults faults = AppFaults.NONE;
    /** Wraps the reporter the engine sends results through (a test's outage); identity by default. */
    java.util.function.UnaryOperator<org.imelab.agent.win32app.report.ResultReporter> reporterWrap = r -> r;
    Duration runTimeMinute = Duration.ofMinutes(1);
    /** Restarts the engine asked for; the machine running the tests never restarts. */
    final RecordingRestarter restarts = new RecordingRestarter();
    /** The machine's own boot, a day before the lab's first moment; {@link #restart()} simulates later ones. */
    static final Instant MACHINE_BOOT = T0.minus(Duration.ofDays(1));
    private final List<ObjectNode> apps = new ArrayList<>();
    private long checkins;

    EngineLab(Path dir) throws Exception {
        this.dir = dir;
        labFile = dir.resolve("lab").resolve("lab.json");
        Files.createDirectories(labFile.getParent());
        writeLab();
        gateway = LabGateway.start(LabConfig.of(labFile, dir.resolve("gateway-state")));
        key = key();
        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        trustStore.load(null, null);
        trustStore.setCertificateEntry("lab-root", gateway.caCertificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trustStore);
        trust = (X509TrustManager) tmf.getTrustManagers()[0];
        OkHttpClient plain = http(null, null, tmf);
        EnrollResponse enrolled = enroll(plain);
        deviceId = enrolled.deviceId();
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(
                new ByteArrayInputStream(enrolled.certificateChain().getBytes(StandardCharsets.US_ASCII)))) {
            chain.add((X509Certificate) c);
        }
        deviceCertificate = chain.getFirst();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("device", key.getPrivate(), new char[0], chain.toArray(new Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, new char[0]);
        tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        cdn = http(null, null, tmf);
        client = new GatewayClient(gateway.sideCarUrl(), tls, trust,
                ClientInfo.of("LAB-PC1", "10.0.26100", "imelab-test", null, null, false, null), scheduler,
                GatewayClient.Timeouts.DEFAULT, Backoff.none(), RandomGenerator.getDefault(), json);
        paths = WindowsPaths.emulated(dir.resolve("device"), Map.of("PATH", System.getenv("PATH")), true);
        openRegistry();
    }

    private static synchronized KeyPair key() throws Exception {
        if (sharedKey == null) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            sharedKey = g.generateKeyPair();
        }
        return sharedKey;
    }

    private EnrollResponse enroll(OkHttpClient http) throws Exception {
        byte[] csr = new JcaPKCS10CertificationRequestBuilder(new javax.security.auth.x500.X500Principal("CN=LAB-PC1"),
                key.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate())).getEncoded();
        try (Response r = http.newCall(new Request.Builder().url(gateway.baseUrl() + "/lab/enroll")
                .post(RequestBody.create(json.write(EnrollRequest.forThisMachine(csr, "LAB-PC1")), JSON_TYPE)).build())
                .execute()) {
            if (r.code() != 200) {
                throw new IllegalStateException("enroll: " + r.code() + " " + r.body().string());
            }
            return json.read(r.body().string(), EnrollResponse.class);
        }
    }

    private static OkHttpClient http(KeyPair k, List<X509Certificate> c, TrustManagerFactory tmf) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return new OkHttpClient.Builder().sslSocketFactory(ctx.getSocketFactory(),
                (X509TrustManager) tmf.getTrustManagers()[0]).readTimeout(30, TimeUnit.SECONDS).build();
    }

    /** (Re)opens the file registry and builds a new engine over it, as a restarted agent does. */
    void openRegistry() {
        if (registry != null) {
            registry.close();
        }
        registry = new FileRegistry(dir.resolve("registry"));
        ime = new ImeRegistry(registry);
        engine = newEngine();
    }

    Win32AppEngine newEngine() {
        return newEngine(org.imelab.registry.ime.Scope.DEVICE);
    }

    /** An engine processing for this scope (a user's, for user-targeted apps). */
    Win32AppEngine newEngine(org.imelab.registry.ime.Scope scope) {
        SideCarWin32AppService service = new SideCarWin32AppService(client, json, deviceCertificate, key.getPrivate(),
                null, cdn);
        ContentService content = contentService != null ? contentService : service;
        ScriptHost scripts = new ScriptHost(dir.resolve("scripts"), false, paths.environment(), Duration.ofMinutes(1));
        DeviceFacts facts = new DeviceFacts() {
            public OsArchitecture osArchitecture() {
                return OsArchitecture.X64;
            }

            public Optional<String> osVersion() {
                return Optional.of("10.0.26100.2605");
            }

            public long freeSystemDiskBytes() {
                return 100L << 30;
            }

            public long physicalMemoryBytes() {
                return 16L << 30;
            }

            public int logicalProcessorCount() {
                return 8;
            }

            public OptionalLong cpuSpeedMhz() {
                return OptionalLong.of(3000);
            }
        };
        UninstallKeyMsiProducts msi = new UninstallKeyMsiProducts(registry);
        EngineSettings settings = new EngineSettings(dir.resolve("Content").resolve("Incoming"),
                dir.resolve("IMECache"), ZoneOffset.UTC, runTimeMinute, paths.environment());
        Win32AppServices services = new Win32AppServices(ime,
                new DetectionEvaluator(registry, paths, msi, scripts, facts),
                new RequirementEvaluator(facts, registry, paths, msi, scripts),
                new ContentStager(content, settings.incomingDir(), settings.imeCacheDir(), new ContentDecryptor(),
                        new SafeUnzipper()),
                InstallerRunner.forThisMachine(), new ReportingManager(reporterWrap.apply(service), ime.pendingReports()),
                faults, scheduler.clock(), settings,
                new LabBootTime(() -> MACHINE_BOOT, new LabRestartKey(registry, ime.layout())), restarts);
        return new Win32AppEngine(services, scope);
    }

    /** One check-in as the daemon makes it: SideCarCheckin asks the gateway and hands the policies to the engine. */
    CheckinOutcome checkIn() throws Exception {
        SideCarCheckin checkin = new SideCarCheckin(client, json, engine, new PushNotifications(),
                () -> Optional.of("test"));
        return checkin.checkIn(new CheckinRequest(++checkins, EnumSet.of(CheckinTrigger.CLI_SYNC), scheduler.now()));
    }

    /** {@code imelab restart --simulate}: the restart recorded now, then the check-in a boot brings. */
    CheckinOutcome restart() throws Exception {
        new LabRestartKey(registry, ime.layout()).recordSimulatedRestart(scheduler.now());
        scheduler.advanceBy(Duration.ofMinutes(2)); // the service starts a little after the boot
        SideCarCheckin checkin = new SideCarCheckin(client, json, engine, new PushNotifications(),
                () -> Optional.of("test"));
        return checkin.checkIn(new CheckinRequest(++checkins, EnumSet.of(CheckinTrigger.DEVICE_RESTART),
                scheduler.now()));
    }

    // --- the lab file ---

    /** Adds an app to the lab file; its content folder gets {@code install.sh} with this body. */
    ObjectNode app(Win32AppPolicy policy, String installScript, String uninstallScript) throws Exception {
        return app(policy, installScript, uninstallScript, true);
    }

    /** An app; untargeted ones are served only as another app's dependency. */
    ObjectNode app(Win32AppPolicy policy, String installScript, String uninstallScript, boolean targeted)
            throws Exception {
        Path content = labFile.getParent().resolve("content-" + policy.id());
        Files.createDirectories(content);
        Files.writeString(content.resolve("install.sh"), "#!/bin/sh\n" + installScript + "\n");
        Files.writeString(content.resolve("uninstall.sh"), "#!/bin/sh\n" + (uninstallScript == null ? "exit 0"
                : uninstallScript) + "\n");
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.set("sideCar", json.mapper().readTree(json.write(policy)));
        if (targeted) {
            entry.putArray("targets").add("allDevices");
        }
        ObjectNode c = entry.putObject("content");
        c.put("folder", content.getFileName().toString());
        c.put("setupFile", "install.sh");
        apps.add(entry);
        writeLab();
        return entry;
    }

    void writeLab() throws Exception {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("name", "engine test lab");
        ArrayNode a = root.putArray("apps");
        apps.forEach(a::add);
        Files.writeString(labFile, json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    void removeApps() throws Exception {
        apps.clear();
        writeLab();
    }

    /** Back to an empty lab and a fresh engine with these faults, the real content service and real minutes. */
    void reset(AppFaults faults) throws Exception {
        removeApps();
        this.faults = faults;
        contentService = null;
        runTimeMinute = Duration.ofMinutes(1);
        engine = newEngine();
    }

    /** A required app detected by {@code C:\ProgramData\imelab\{marker}} and installed by {@code sh install.sh}. */
    static Win32AppPolicy.Builder policy(String id, String name, String marker) {
        return Win32AppPolicy.builder(id, name, 1)
                .detectionRules(List.of(DetectionRule.of(new Detection.File("C:\\ProgramData\\imelab", marker, false,
                        1, 0, null))))
                .installCommandLine("sh install.sh")
                .uninstallCommandLine("sh uninstall.sh")
                .setUpFilePath("install.sh");
    }

    /** The marker file an installer creates and detection looks for. */
    Path marker(String name) {
        return paths.resolve("C:\\ProgramData\\imelab\\" + name, false);
    }

    /** A shell line creating the marker. */
    static String createMarker(String name) {
        return "mkdir -p \"$ProgramData/imelab\" && touch \"$ProgramData/imelab/" + name + "\"";
    }

    /** A shell line counting runs in a file beside the device drive. */
    String countRun(String name) {
        return "echo run >> \"" + dir.resolve(name + ".runs") + "\"";
    }

    long runs(String name) throws Exception {
        Path p = dir.resolve(name + ".runs");
        return Files.exists(p) ? Files.readAllLines(p).size() : 0;
    }

    JsonNode raw(String text) throws Exception {
        return json.mapper().readTree(text);
    }

    @Override
    public void close() {
        client.close();
        gateway.close();
        scheduler.close();
        if (registry != null) {
            registry.close();
        }
    }
}
