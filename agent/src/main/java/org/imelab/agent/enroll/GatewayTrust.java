package org.imelab.agent.enroll;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.imelab.agent.DataHome;
import org.imelab.certpicker.CertificateFiles;

/**
 * The root the device trusts for its gateway's TLS certificate, kept beside the enrollment (what
 * Windows keeps in the machine's Root store): written at enrollment, read by {@code imelab run} to
 * check in with the gateway the device is enrolled with.
 */
public final class GatewayTrust {
    private final Path file;

    public GatewayTrust(DataHome home) {
        this.file = home.root().resolve("trust").resolve("gateway-root.pem");
    }

    public Path file() {
        return file;
    }

    /** Replaces the stored root, atomically. */
    public void store(X509Certificate root) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), ".root-", ".tmp");
        try {
            Files.writeString(tmp, CertificateFiles.pem(root), StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The stored root, if the device was enrolled by this imelab. */
    public Optional<X509Certificate> load() throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<X509Certificate> certs = CertificateFiles.readCertificates(file);
        return certs.isEmpty() ? Optional.empty() : Optional.of(certs.getFirst());
    }
}
