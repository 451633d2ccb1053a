package org.imelab.gateway.lab;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.imelab.gateway.protocol.SideCarJson;
import org.imelab.gateway.protocol.SideCarUrls;
import org.imelab.gateway.protocol.report.AppResult;
import org.imelab.gateway.protocol.report.InventoryReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SideCar gateway for the lab, on loopback, over real HTTPS: what the agent talks to instead
 * of Intune. It serves policies from a lab file (re-read when it changes), hosts app content
 * encrypted as the CDN does, records reports, pushes "sync now" over a long poll, and enrolls
 * devices with MDM certificates from its own CA; session requests need such a certificate.
 *
 * <p>Built on the JDK's {@code com.sun.net.httpserver.HttpsServer}: no extra dependency in the
 * agent's runtime, TLS through the JDK's {@code SSLContext}, where client-certificate
 * authentication is set per connection ({@code wantClientAuth}) and checked by the standard PKIX
 * trust manager; the few routes are simple enough not to need a framework. Handlers run on
 * virtual threads, so a device's long poll costs no platform thread.
 *
 * <p>Start with {@link #start(LabConfig)}; {@link #close()} stops it.
 */
public final class LabGateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LabGateway.class);

    private final HttpsServer server;
    private final ExecutorService executor;
    private final LabServices lab;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private LabGateway(HttpsServer server, ExecutorService executor, LabServices lab) {
        this.server = server;
        this.executor = executor;
        this.lab = lab;
    }

    /**
     * Starts a lab gateway.
     *
     * @throws LabDefinitionException when the lab file cannot be used (nothing is started)
     * @throws IOException when the state folder or the port cannot be used
     */
    public static LabGateway start(LabConfig config) throws IOException, LabDefinitionException {
        SideCarJson json = new SideCarJson();
        Files.createDirectories(config.stateDir());
        LabCertificateAuthority ca = LabCertificateAuthority.openOrCreate(config.stateDir().resolve("ca"), config.clock());
        LabDefinitionSource definitions = new LabDefinitionSource(config.labFile().toAbsolutePath(),
                new LabDefinitionReader(json), config.clock().instant(), config.clock());
        definitions.load();
        SSLContext tls;
        try {
            tls = LabTls.context(ca);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS for the lab gateway: " + e.getMessage(), e);
        }
        HttpsServer server = HttpsServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = getSSLContext().getDefaultSSLParameters();
                p.setWantClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        LabUrls urls = new LabUrls("https://" + host(config.bindAddress()) + ":" + server.getAddress().getPort());
        LabServices lab = new LabServices(config, json, definitions, LabDevices.open(config.stateDir(), json),
                LabReports.open(config.stateDir(), json), new SyncRequests(), ca,
                new PackingContentStore(config.stateDir().resolve("content"), json), urls);
        server.createContext(LabUrls.SIDECAR_PATH + "/", new SessionEndpoint(lab));
        server.createContext(SideCarUrls.SERVICE_ADDRESSES_PATH, new DiscoveryEndpoint(lab));
        server.createContext("/lab/enroll", new EnrollEndpoint(lab));
        server.createContext("/lab/notify", new NotifyEndpoint(lab));
        server.createContext("/lab/", new AdminEndpoint(lab));
        server.createContext(ContentEndpoint.PREFIX, new ContentEndpoint(lab));
        server.start();
        LOG.info("Lab gateway {} listening on {} (lab file {})", definitions.current().name(), urls.base(),
                config.labFile());
        return new LabGateway(server, executor, lab);
    }

    private static String host(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return "127.0.0.1";
        }
        return address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code https://127.0.0.1:{port}}: the management root (discovery lives under it). */
    public String baseUrl() {
        return lab.urls().base();
    }

    /** The SideCar gateway URL, {@code {base}/SideCarGatewayService}. */
    public String sideCarUrl() {
        return lab.urls().sideCar();
    }

    /** The lab root certificate: trust it for the gateway's TLS certificate. */
    public X509Certificate caCertificate() {
        try {
            return lab.ca().root();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The root certificate as a PEM file in the state folder. */
    public Path caCertificateFile() {
        return lab.ca().rootPemFile();
    }

    /** The admin center's "Sync" for a device: it checks in as soon as it hears it. */
    public String requestSync(String deviceId) {
        return lab.sync().request(deviceId);
    }

    /** Whether the device is holding its notification poll open now. */
    public boolean listeningForSync(String deviceId) {
        return lab.sync().listening(deviceId);
    }

    /** The enrolled devices. */
    public List<LabDevice> devices() {
        return lab.devices().all();
    }

    /** The latest reported state of each app of a device. */
    public List<AppResult> appResults(String deviceId) {
        return lab.reports().appResults(deviceId);
    }

    /**
     * The users the lab file names (group members and {@code user:} targets), by object id in file
     * order: the lab's stand-in for its tenant's users, for an agent to sign an account in as one.
     */
    public List<String> users() {
        LabDefinition def = lab.definitions().current();
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        def.groups().values().forEach(g -> g.members().forEach(m -> {
            if (m instanceof LabTarget.User u) {
                out.add(u.objectId().toLowerCase(java.util.Locale.ROOT));
            }
        }));
        def.apps().forEach(a -> a.assignments().forEach(x -> {
            if (x.target() instanceof LabTarget.User u) {
                out.add(u.objectId().toLowerCase(java.util.Locale.ROOT));
            }
        }));
        return List.copyOf(out);
    }

    /** The device's Discovered Apps, built from its full and delta inventories. */
    public List<InventoryReport.InventoryEntry> discoveredApps(String deviceId) {
        return lab.reports().discoveredApps(deviceId);
    }

    /** Stops listening and releases long polls; calling it again does nothing. */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        lab.sync().closeAll();
        server.stop(0);
        executor.shutdownNow();
        LOG.info("Lab gateway on {} stopped", lab.urls().base());
    }

    @Override
    public void close() {
        stop();
    }
}
