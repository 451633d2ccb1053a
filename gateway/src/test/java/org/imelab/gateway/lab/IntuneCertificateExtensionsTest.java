package org.imelab.gateway.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The lab writes the Intune extensions with the byte layout of a real Intune MDM certificate. */
class IntuneCertificateExtensionsTest {

    @Test
    void guidByteOrderMatchesTheRealCertificate() throws Exception {
        X509Certificate real;
        try (InputStream in = getClass().getResourceAsStream("/real-artefacts/intune-mdm-device-cert-sample.pem")) {
            real = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        UUID deviceId = UUID.fromString(real.getSubjectX500Principal().getName().substring(3));
        byte[] deviceExt = LabGatewayTest.unwrap(real.getExtensionValue("1.2.840.113556.5.4"));
        assertArrayEquals(deviceExt, IntuneCertificateExtensions.dotNetBytes(deviceId), ".5.4 is the raw .NET GUID");

        byte[] account = LabGatewayTest.unwrap(real.getExtensionValue("1.2.840.113556.5.6"));
        assertArrayEquals(new byte[] {0x04, 0x10}, Arrays.copyOf(account, 2), ".5.6 is an OCTET STRING of 16 bytes");
        assertEquals(UUID.fromString("dede853d-e274-406b-9d0d-46b6fe65b440"),
                IntuneCertificateExtensions.fromDotNetBytes(Arrays.copyOfRange(account, 2, 18)));
        byte[] tenant = LabGatewayTest.unwrap(real.getExtensionValue("1.2.840.113556.5.14"));
        assertEquals(UUID.fromString("b54dc1af-5320-4f60-b5d4-821e0cf2a359"),
                IntuneCertificateExtensions.fromDotNetBytes(Arrays.copyOfRange(tenant, 2, 18)));
    }
}
