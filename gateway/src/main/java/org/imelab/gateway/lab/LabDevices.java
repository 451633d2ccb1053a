package org.imelab.gateway.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.imelab.gateway.protocol.SideCarJson;

/**
 * The enrolled devices, kept in {@code {state}/devices.json} (written whole, atomically, on every
 * enrollment) so they survive a restart of the lab; and, in memory, each device's last check-in.
 */
public final class LabDevices {
    private final Path file;
    private final SideCarJson json;
    private final Map<String, LabDevice> devices = new LinkedHashMap<>();
    private final Map<String, Checkin> lastCheckins = new LinkedHashMap<>();

    /** The last session a device opened. */
    public record Checkin(Instant time, String requestContentType, String checkinReason, String userId,
                          String operatingSystemVersion, String agentVersion) {
    }

    private LabDevices(Path file, SideCarJson json) {
        this.file = file;
        this.json = json;
    }

    public static LabDevices open(Path stateDir, SideCarJson json) throws IOException {
        LabDevices d = new LabDevices(stateDir.resolve("devices.json"), json);
        d.load();
        return d;
    }

    public synchronized void register(LabDevice device) throws IOException {
        devices.put(device.deviceId().toLowerCase(Locale.ROOT), device);
        save();
    }

    public synchronized Optional<LabDevice> find(String deviceId) {
        return Optional.ofNullable(deviceId == null ? null : devices.get(deviceId.toLowerCase(Locale.ROOT)));
    }

    public synchronized List<LabDevice> all() {
        return List.copyOf(devices.values());
    }

    /** The device this certificate was issued to, if it is still that device's current certificate. */
    public synchronized Optional<LabDevice> byCertificate(X509Certificate certificate) {
        String thumbprint = LabDevice.thumbprint(certificate);
        return devices.values().stream().filter(d -> d.thumbprint().equals(thumbprint)).findFirst();
    }

    public synchronized void recordCheckin(String deviceId, Checkin checkin) {
        lastCheckins.put(deviceId.toLowerCase(Locale.ROOT), checkin);
    }

    public synchronized Optional<Checkin> lastCheckin(String deviceId) {
        return Optional.ofNullable(lastCheckins.get(deviceId.toLowerCase(Locale.ROOT)));
    }

    private void load() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        JsonNode root = json.readTree(Files.readString(file));
        if (!root.isArray()) {
            throw new IOException(file + " is not a JSON array of devices");
        }
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (JsonNode n : root) {
                X509Certificate cert = (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(
                        Base64.getDecoder().decode(n.path("Certificate").asText())));
                LabDevice d = new LabDevice(n.path("DeviceId").asText(), n.path("DeviceName").asText(null),
                        n.path("Platform").asText(null), cert, Instant.parse(n.path("EnrolledAt").asText()));
                devices.put(d.deviceId().toLowerCase(Locale.ROOT), d);
            }
        } catch (CertificateException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new IOException(file + " holds a device that cannot be read: " + e.getMessage(), e);
        }
    }

    private void save() throws IOException {
        ArrayNode root = json.mapper().createArrayNode();
        for (LabDevice d : devices.values()) {
            ObjectNode n = root.addObject();
            n.put("DeviceId", d.deviceId());
            n.put("DeviceName", d.deviceName());
            n.put("Platform", d.platform());
            n.put("Thumbprint", d.thumbprint());
            try {
                n.put("Certificate", Base64.getEncoder().encodeToString(d.certificate().getEncoded()));
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IOException("cannot encode the certificate of " + d.deviceId(), e);
            }
            n.put("EnrolledAt", d.enrolledAt().toString());
        }
        Path tmp = Files.createTempFile(file.getParent(), "devices", ".tmp");
        Files.writeString(tmp, json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root),
                StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
