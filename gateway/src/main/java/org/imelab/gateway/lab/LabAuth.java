package org.imelab.gateway.lab;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Who is calling: the TLS layer has already checked that a presented certificate chains to the
 * lab's device CA and is in its validity period; here it must also be the current certificate of
 * an enrolled device (a re-enrolled device's old certificate, or one from a wiped lab, is refused).
 */
final class LabAuth {
    private LabAuth() {
    }

    static Optional<LabDevice> device(LabExchange ex, LabDevices devices) {
        Optional<X509Certificate> cert = ex.clientCertificate();
        return cert.flatMap(devices::byCertificate);
    }

    static void refuse(LabExchange ex) throws IOException {
        if (ex.clientCertificate().isEmpty()) {
            ex.odataError(403, "Forbidden", "a client certificate issued by the lab is required: enroll first"
                    + " (POST /lab/enroll)");
        } else {
            ex.odataError(403, "Forbidden", "the client certificate is not the current certificate of a device"
                    + " enrolled in this lab");
        }
    }
}
