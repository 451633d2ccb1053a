package org.imelab.gateway.lab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.imelab.gateway.protocol.PayloadFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /lab/enroll}: enrolls a device and issues its MDM certificate, signed by the lab's
 * {@code Microsoft Intune MDM Device CA}, with the Intune extensions of the lab's account and
 * tenant. Needs no client certificate (the device has none yet). The CSR's signature proves the
 * caller holds the key; the lab picks the device id, as Intune does.
 */
final class EnrollEndpoint implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(EnrollEndpoint.class);
    private static final int MIN_RSA_BITS = 2048;

    private final LabServices lab;

    EnrollEndpoint(LabServices lab) {
        this.lab = lab;
    }

    @Override
    public void handle(HttpExchange raw) throws IOException {
        LabExchange ex = new LabExchange(raw);
        if (!"POST".equals(ex.method())) {
            ex.odataError(405, "MethodNotAllowed", "enroll with POST");
            return;
        }
        Optional<String> body = ex.body();
        if (body.isEmpty()) {
            ex.odataError(413, "RequestEntityTooLarge", "the enrollment request is too large");
            return;
        }
        EnrollRequest request;
        PublicKey key;
        try {
            request = lab.json().read(body.get(), EnrollRequest.class);
            key = verifiedKey(request.csr());
        } catch (PayloadFormatException e) {
            ex.odataError(400, "BadRequest", e.getMessage());
            return;
        }
        String deviceName = request.deviceName() == null || request.deviceName().isBlank() ? "imelab-device"
                : request.deviceName().strip();
        try {
            LabDefinition def = lab.definitions().current();
            UUID deviceId = UUID.randomUUID();
            List<X509Certificate> chain = lab.ca().issueDeviceCertificate(key, deviceId, def.accountId(), def.tenantId());
            lab.devices().register(new LabDevice(deviceId.toString(), deviceName,
                    request.platform() == null ? null : request.platform().toLowerCase(java.util.Locale.ROOT),
                    chain.getFirst(), lab.clock().instant()));
            LOG.info("Enrolled device {} ({}), certificate {}", deviceId, deviceName,
                    LabDevice.thumbprint(chain.getFirst()));
            EnrollResponse response = new EnrollResponse(deviceId.toString(), def.accountId().toString(),
                    def.tenantId().toString(), LabCertificateAuthority.pem(chain),
                    LabCertificateAuthority.pem(List.of(lab.ca().root())), lab.urls().base(), lab.urls().sideCar());
            ex.json(200, lab.json().write(response));
        } catch (GeneralSecurityException e) {
            LOG.error("Enrollment failed", e);
            ex.odataError(500, "InternalError", "cannot issue the certificate: " + e.getMessage());
        }
    }

    /** The public key of a CSR whose signature verifies, RSA of at least 2048 bits. */
    private static PublicKey verifiedKey(String csr) {
        if (csr == null || csr.isBlank()) {
            throw new PayloadFormatException("Csr is required (PKCS#10, Base64 DER or PEM)");
        }
        try {
            JcaPKCS10CertificationRequest request;
            if (csr.contains("-----BEGIN")) {
                try (PEMParser p = new PEMParser(new StringReader(csr))) {
                    Object o = p.readObject();
                    if (!(o instanceof org.bouncycastle.pkcs.PKCS10CertificationRequest r)) {
                        throw new PayloadFormatException("the PEM is not a certificate request");
                    }
                    request = new JcaPKCS10CertificationRequest(r);
                }
            } else {
                request = new JcaPKCS10CertificationRequest(Base64.getMimeDecoder().decode(csr));
            }
            PublicKey key = request.getPublicKey();
            if (!(key instanceof RSAPublicKey rsa) || rsa.getModulus().bitLength() < MIN_RSA_BITS) {
                throw new PayloadFormatException("the key must be RSA of at least " + MIN_RSA_BITS + " bits, not "
                        + key.getAlgorithm());
            }
            if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
                throw new PayloadFormatException("the certificate request's signature does not verify");
            }
            return key;
        } catch (IOException | IllegalArgumentException | GeneralSecurityException | OperatorCreationException
                 | PKCSException e) {
            throw new PayloadFormatException("Csr is not a PKCS#10 request: " + e.getMessage());
        }
    }
}
