package org.imelab.gateway.protocol.certificate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One element of the {@code ValidateClientCertificates} answer (a JSON array, same order as the
 * request): whether the service considers that certificate this device's valid MDM certificate,
 * and if not, why. imelab's definition.
 */
@JsonPropertyOrder({"Thumbprint", "IsValid", "Reason"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record CertificateVerdict(
        @JsonProperty("Thumbprint") String thumbprint,
        @JsonProperty("IsValid") boolean isValid,
        @JsonProperty("Reason") String reason) {
}
