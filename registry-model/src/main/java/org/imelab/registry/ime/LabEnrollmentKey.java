package org.imelab.registry.ime;

import java.util.Objects;
import java.util.Optional;
import java.util.List;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;

/**
 * Which lab this device is enrolled with: imelab's own key ({@code HKLM\SOFTWARE\imelab\LabEnrollment}),
 * since a real device keeps its MDM enrollment under keys the IME does not own. A restart reuses the
 * certificate while the lab's root CA is the same; a new lab CA means a new enrollment.
 */
public final class LabEnrollmentKey {
    public static final String KEY_NAME = "LabEnrollment";
    public static final String LAB_ROOT_THUMBPRINT = "LabRootThumbprint";
    public static final String DEVICE_CERT_THUMBPRINT = "DeviceCertThumbprint";
    public static final String DEVICE_ID = "DeviceId";
    public static final String SIDECAR_URL = "SideCarUrl";

    /** What was recorded at enrollment. */
    public record Enrollment(String labRootThumbprint, String deviceCertThumbprint, String deviceId, String sideCarUrl) {
        public Enrollment {
            Objects.requireNonNull(labRootThumbprint, "labRootThumbprint");
            Objects.requireNonNull(deviceCertThumbprint, "deviceCertThumbprint");
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(sideCarUrl, "sideCarUrl");
        }
    }

    private final Registry registry;
    private final RegPath key;

    public LabEnrollmentKey(Registry registry, ImeLayout layout) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.key = layout.labRoot().child(KEY_NAME);
    }

    public Optional<Enrollment> read() {
        Optional<String> root = text(LAB_ROOT_THUMBPRINT);
        Optional<String> cert = text(DEVICE_CERT_THUMBPRINT);
        Optional<String> device = text(DEVICE_ID);
        Optional<String> url = text(SIDECAR_URL);
        if (root.isEmpty() || cert.isEmpty() || device.isEmpty() || url.isEmpty()) {
            return Optional.empty(); // never enrolled, or edited by hand: enroll again
        }
        return Optional.of(new Enrollment(root.get(), cert.get(), device.get(), url.get()));
    }

    /** Records an enrollment in one batch, replacing any earlier one. */
    public void write(Enrollment e) {
        registry.apply(List.of(
                new RegOp.DeleteTree(key),
                new RegOp.Put(key, LAB_ROOT_THUMBPRINT, RegValue.sz(e.labRootThumbprint())),
                new RegOp.Put(key, DEVICE_CERT_THUMBPRINT, RegValue.sz(e.deviceCertThumbprint())),
                new RegOp.Put(key, DEVICE_ID, RegValue.sz(e.deviceId())),
                new RegOp.Put(key, SIDECAR_URL, RegValue.sz(e.sideCarUrl()))));
    }

    private Optional<String> text(String name) {
        return registry.get(key, name).flatMap(v -> v instanceof RegValue.Sz s && !s.value().isBlank()
                ? Optional.of(s.value()) : Optional.empty());
    }
}
