package org.imelab.gateway.lab;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The gateway's TLS: its own certificate from the lab CA, and as the only trust anchor for client
 * certificates the lab's device CA, so the handshake itself turns away a certificate the lab did
 * not issue. Client authentication is "wanted", not "needed", so that enrollment (which has no
 * certificate yet) and the admin routes work on the same port; the routes that need a device
 * check for one.
 */
final class LabTls {
    private LabTls() {
    }

    static SSLContext context(LabCertificateAuthority ca) throws GeneralSecurityException, IOException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ca.tlsKeyStore(), LabCertificateAuthority.keyPassword());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        X509Certificate deviceCa = ca.deviceCa();
        trust.setCertificateEntry("lab-device-ca", deviceCa);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
        return ctx;
    }
}
