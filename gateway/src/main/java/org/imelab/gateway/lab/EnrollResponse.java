package org.imelab.gateway.lab;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The answer to {@code POST /lab/enroll}.
 *
 * @param certificateChain PEM: the device's MDM certificate, then the issuing
 *                         {@code Microsoft Intune MDM Device CA} of the lab
 * @param rootCertificate PEM: the lab root, to trust for the gateway's TLS certificate
 * @param managementUrl the root the agent discovers services under (the real
 *                      {@code https://manage.microsoft.com}); its {@code ServiceAddresses} answer names
 * @param sideCarUrl the SideCar gateway URL (the same the discovery would give)
 */
@JsonPropertyOrder({"DeviceId", "AccountId", "TenantId", "CertificateChain", "RootCertificate", "ManagementUrl",
    "SideCarUrl"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnrollResponse(
        @JsonProperty("DeviceId") String deviceId,
        @JsonProperty("AccountId") String accountId,
        @JsonProperty("TenantId") String tenantId,
        @JsonProperty("CertificateChain") String certificateChain,
        @JsonProperty("RootCertificate") String rootCertificate,
        @JsonProperty("ManagementUrl") String managementUrl,
        @JsonProperty("SideCarUrl") String sideCarUrl) {
}
