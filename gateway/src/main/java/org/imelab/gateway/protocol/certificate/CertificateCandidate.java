package org.imelab.gateway.protocol.certificate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One element of the {@code ValidateClientCertificates} request payload (a JSON array): a
 * certificate the Client Cert Checker found (step 4, ime-behaviour.md Part B). imelab's
 * definition; the real request is not public.
 *
 * @param thumbprint SHA-1 of the DER, upper-case hex (as Windows shows it)
 * @param certificateBlob Base64 DER of the certificate (public part only)
 */
@JsonPropertyOrder({"Thumbprint", "CertificateBlob"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record CertificateCandidate(
        @JsonProperty("Thumbprint") String thumbprint,
        @JsonProperty("CertificateBlob") String certificateBlob) {
}
