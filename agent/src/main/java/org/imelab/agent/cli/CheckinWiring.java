package org.imelab.agent.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.imelab.agent.DataHome;
import org.imelab.agent.daemon.AgentCompanion;
import org.imelab.agent.enroll.LabEnrollment;
import org.imelab.agent.enroll.LabTrust;
import org.imelab.agent.gateway.Backoff;
import org.imelab.agent.gateway.DeviceKeyManager;
import org.imelab.agent.gateway.GatewayClient;
import org.imelab.agent.gateway.LabPushListener;
import org.imelab.agent.gateway.PushNotifications;
import org.imelab.agent.gateway.SideCarCheckin;
import org.imelab.agent.sync.CheckinHandler;
import org.imelab.agent.sync.CheckinOutcome;
import org.imelab.agent.sync.CheckinTriggers;
import org.imelab.agent.sync.Win32AppWorkload;
import org.imelab.agent.time.Scheduler;
import org.imelab.certpicker.CertificateSources;
import org.imelab.certpicker.check.DeviceCertificateProvider;
import org.imelab.certpicker.check.MdmCandidate;
import org.imelab.certpicker.check.MdmCertificatePicker;
import org.imelab.certpicker.check.MdmCertificateSearch;
import org.imelab.certpicker.portable.PortableCertificateSource;
import org.imelab.gateway.lab.LabConfig;
import org.imelab.gateway.lab.LabGateway;
import org.imelab.gateway.protocol.ClientInfo;
import org.imelab.gateway.protocol.SideCarJson;
import org.imelab.registry.Registry;
import org.imelab.registry.ime.CertMetadataKey;
import org.imelab.registry.ime.ImeLayout;
import org.imelab.registry.ime.LabEnrollmentKey;

/**
 * What {@code imelab run} checks in with: no gateway, a gateway at a URL, or the lab gateway
 * embedded on loopback. Each gives the check-in handler, the companions that run beside the
 * agent (the push listener) and what to close after the agent stopped.
 */
final class CheckinWiring {

    /** The pieces for the agent. */
    record Wiring(CheckinHandler handler, List<AgentCompanion> companions, List<AutoCloseable> closeables,
            String description) {
    }

    /** Everything the wiring needs from the run. */
    record Context(DataHome home, Registry registry, ImeLayout layout, Scheduler scheduler, InstantSource clock,
            RandomGenerator random, Win32AppWorkload workload) {
    }

    private static final SideCarJson JSON = new SideCarJson();

    private CheckinWiring() {
    }

    /** No gateway: every check-in fails with a reason that says what to do. */
    static Wiring none() {
        return new Wiring(request -> CheckinOutcome.failed("no gateway is configured (use --lab, or --gateway URL "
                + "--gateway-ca FILE)"), List.of(), List.of(), "no gateway configured");
    }

    /**
     * The lab gateway embedded on loopback: it keeps its CA and devices under the data home, so a
     * device enrolled once stays enrolled; the device enrolls itself the first time.
     */
    static Wiring embeddedLab(Context ctx, Path labFile) throws IOException, GeneralSecurityException {
        LabGateway lab;
        try {
            lab = LabGateway.start(LabConfig.of(labFile, ctx.home().root().resolve("lab")));
        } catch (org.imelab.gateway.lab.LabDefinitionException e) {
            throw new IOException("the lab file " + labFile + " cannot be used: " + e.getMessage(), e);
        }
        List<AutoCloseable> closeables = new ArrayList<>();
        closeables.add(lab);
        try {
            X509TrustManager trust = LabTrust.forRoot(lab.caCertificate());
            LabEnrollment.Enrolled enrolled = new LabEnrollment(new PortableCertificateSource(ctx.home().certStoreDir()),
                    new LabEnrollmentKey(ctx.registry(), ctx.layout()), JSON)
                    .ensure(lab.baseUrl(), lab.caCertificate(), trust, deviceName(), ctx.clock().instant());
            DeviceCertificateProvider device = deviceCertificate(ctx);
            Connection c = connect(ctx, lab.sideCarUrl(), trust, device, closeables);
            return new Wiring(c.checkin(), List.of(pushListener(c, lab.baseUrl(), ctx)), closeables,
                    "embedded lab gateway " + lab.baseUrl() + " (lab file " + labFile + "), device "
                    + enrolled.deviceId() + (enrolled.reused() ? "" : ", enrolled just now"));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    /** A gateway elsewhere (e.g. {@code imelab lab-gateway} in another terminal), trusted through a CA file. */
    static Wiring remote(Context ctx, String sideCarUrl, Path caFile) throws IOException, GeneralSecurityException {
        X509TrustManager trust = trustOnly(readCertificates(caFile));
        List<AutoCloseable> closeables = new ArrayList<>();
        Connection c = connect(ctx, sideCarUrl, trust, deviceCertificate(ctx), closeables);
        // a lab gateway run on its own (imelab lab-gateway) has the same push channel under its root
        String suffix = "/" + org.imelab.gateway.protocol.SideCarUrls.SIDECAR_SERVICE_NAME;
        String trimmed = sideCarUrl.endsWith("/") ? sideCarUrl.substring(0, sideCarUrl.length() - 1) : sideCarUrl;
        List<AgentCompanion> companions = trimmed.endsWith(suffix)
                ? List.of(pushListener(c, trimmed.substring(0, trimmed.length() - suffix.length()), ctx))
                : List.of();
        return new Wiring(c.checkin(), companions, closeables, "gateway " + sideCarUrl);
    }

    /** A client and the check-in over it. */
    private record Connection(GatewayClient client, PushNotifications notifications, SideCarCheckin checkin) {
    }

    private static Connection connect(Context ctx, String sideCarUrl, X509TrustManager trust,
            DeviceCertificateProvider device, List<AutoCloseable> closeables) throws GeneralSecurityException {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(new KeyManager[] {new DeviceKeyManager(device::keyManager)}, new TrustManager[] {trust}, null);
        GatewayClient client = new GatewayClient(sideCarUrl, tls, trust, clientInfo(), ctx.scheduler(),
                GatewayClient.Timeouts.DEFAULT, Backoff.DEFAULT, ctx.random(), JSON);
        closeables.add(0, client); // closed before the lab it talks to
        PushNotifications notifications = new PushNotifications();
        SideCarCheckin checkin = new SideCarCheckin(client, JSON, ctx.workload(), notifications,
                () -> device.deviceCertificate().map(MdmCandidate::thumbprint));
        return new Connection(client, notifications, checkin);
    }

    private static AgentCompanion pushListener(Connection c, String labBaseUrl, Context ctx) {
        return new AgentCompanion() {
            private LabPushListener listener;

            @Override
            public String name() {
                return "the sync notification listener";
            }

            @Override
            public void start(CheckinTriggers triggers) {
                listener = new LabPushListener(c.client(), labBaseUrl + "/lab/notify", triggers, c.notifications(),
                        ctx.scheduler(), ctx.random());
                listener.start();
            }

            @Override
            public void stop() {
                if (listener != null) {
                    listener.close();
                }
            }
        };
    }

    private static DeviceCertificateProvider deviceCertificate(Context ctx) {
        MdmCertificateSearch search = new MdmCertificateSearch(CertificateSources.forThisMachine(ctx.home().certStoreDir()));
        return new DeviceCertificateProvider(new MdmCertificatePicker(search,
                new CertMetadataKey(ctx.registry(), ctx.layout()), ctx.clock()), ctx.clock());
    }

    static ClientInfo clientInfo() {
        String version = CheckinWiring.class.getPackage().getImplementationVersion();
        return ClientInfo.of(deviceName(), System.getProperty("os.version"), version == null ? "0.1.0" : version,
                null, null, false, null);
    }

    static String deviceName() {
        String env = System.getenv("COMPUTERNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "imelab-device";
        }
    }

    static X509TrustManager trustOnly(List<X509Certificate> roots) throws GeneralSecurityException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            for (int i = 0; i < roots.size(); i++) {
                ks.setCertificateEntry("root-" + i, roots.get(i));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(ks);
            return (X509TrustManager) tmf.getTrustManagers()[0];
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot build the trust store: " + e.getMessage(), e);
        }
    }

    static List<X509Certificate> readCertificates(Path pem) throws IOException, GeneralSecurityException {
        try (var in = Files.newInputStream(pem)) {
            List<X509Certificate> out = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(c -> (X509Certificate) c).toList();
            if (out.isEmpty()) {
                throw new GeneralSecurityException("no certificate in " + pem);
            }
            return out;
        }
    }
}
