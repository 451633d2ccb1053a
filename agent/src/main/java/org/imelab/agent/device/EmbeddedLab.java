package org.imelab.agent.device;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import javax.net.ssl.X509TrustManager;
import org.imelab.agent.DataHome;
import org.imelab.agent.enroll.GatewayTrust;
import org.imelab.agent.enroll.LabEnrollment;
import org.imelab.agent.enroll.LabTrust;
import org.imelab.certpicker.portable.PortableCertificateSource;
import org.imelab.gateway.lab.LabConfig;
import org.imelab.gateway.lab.LabDefinitionException;
import org.imelab.gateway.lab.LabGateway;
import org.imelab.gateway.lab.SampleLab;
import org.imelab.gateway.protocol.SideCarJson;
import org.imelab.registry.Registry;
import org.imelab.registry.ime.ImeLayout;
import org.imelab.registry.ime.LabEnrollmentKey;

/**
 * The lab gateway run inside {@code imelab run --lab}: on loopback, on a free port, with its state
 * (CA, devices, reports) under the data home so a restart keeps the same lab and enrollment.
 */
public final class EmbeddedLab implements AutoCloseable {
    private final LabGateway gateway;
    private final X509TrustManager trust;
    private final Path labFile;

    private EmbeddedLab(LabGateway gateway, Path labFile) {
        this.gateway = gateway;
        this.labFile = labFile;
        this.trust = LabTrust.forRoot(gateway.caCertificate());
    }

    /**
     * @param labFile the lab file, or null for the sample lab (copied under the data home the first
     *                time; later edits there are kept)
     */
    public static EmbeddedLab start(DataHome home, Path labFile) throws IOException, LabDefinitionException {
        Path state = home.root().resolve("lab-gateway");
        Path file = labFile;
        if (file == null) {
            Path dir = state.resolve("sample-lab");
            file = dir.resolve(SampleLab.LAB_FILE);
            if (!Files.exists(file)) {
                SampleLab.extractTo(dir);
            }
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException("no lab file " + file);
        }
        LabConfig config = LabConfig.of(file, state).withPort(0).withBindAddress(InetAddress.getLoopbackAddress());
        return new EmbeddedLab(LabGateway.start(config), file);
    }

    /** Enrolls this device with the lab, or reuses its enrollment. */
    public LabEnrollment.Enrolled enroll(DataHome home, Registry registry, ImeLayout layout, String deviceName,
            Instant now) throws IOException {
        LabEnrollment enrollment = new LabEnrollment(new PortableCertificateSource(home.certStoreDir()),
                new LabEnrollmentKey(registry, layout), new GatewayTrust(home), new SideCarJson());
        return enrollment.ensure(gateway.baseUrl(), gateway.caCertificate(), trust, deviceName, now);
    }

    /** The lab's user, when its file names exactly one (as the sample lab does). */
    public java.util.Optional<String> onlyUser() {
        java.util.List<String> users = gateway.users();
        return users.size() == 1 ? java.util.Optional.of(users.getFirst()) : java.util.Optional.empty();
    }

    public LabGateway gateway() {
        return gateway;
    }

    public X509TrustManager trust() {
        return trust;
    }

    public Path labFile() {
        return labFile;
    }

    public String notifyUrl() {
        return gateway.baseUrl() + "/lab/notify";
    }

    @Override
    public void close() {
        gateway.close();
    }
}
