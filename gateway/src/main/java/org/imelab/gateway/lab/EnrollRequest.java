package org.imelab.gateway.lab;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Base64;
import java.util.Locale;

/**
 * {@code POST /lab/enroll}: a PKCS#10 request for the device's MDM certificate. The key stays on
 * the device; the lab assigns the device id (the certificate's subject CN), as Intune does.
 *
 * @param csr the PKCS#10 request, Base64 DER or PEM; RSA 2048 bits or more (Intune MDM certificates
 *            are RSA, and the content keys are encrypted to this key)
 * @param deviceName the name the device shows ({@code deviceName:} targets match it)
 * @param platform {@code windows}, {@code linux}, {@code macos}: informative
 */
@JsonPropertyOrder({"Csr", "DeviceName", "Platform"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnrollRequest(
        @JsonProperty("Csr") String csr,
        @JsonProperty("DeviceName") String deviceName,
        @JsonProperty("Platform") String platform) {

    /** A request for this machine: the platform from {@code os.name}. */
    public static EnrollRequest forThisMachine(byte[] csrDer, String deviceName) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String platform = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "macos" : "linux";
        return new EnrollRequest(Base64.getEncoder().encodeToString(csrDer), deviceName, platform);
    }
}
