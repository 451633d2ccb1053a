package org.imelab.agent.device;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.imelab.agent.gateway.GatewayClient;
import org.imelab.certpicker.check.CertificateValidationGateway;
import org.imelab.certpicker.check.CertificateValidationRequest;
import org.imelab.certpicker.check.CertificateValidationResponse;
import org.imelab.gateway.protocol.CheckinReason;
import org.imelab.gateway.protocol.CheckinReasonPayload;
import org.imelab.gateway.protocol.RequestContentType;
import org.imelab.gateway.protocol.SideCarGatewaySession;
import org.imelab.gateway.protocol.SideCarJson;
import org.imelab.gateway.protocol.certificate.CertificateCandidate;
import org.imelab.gateway.protocol.certificate.CertificateVerdict;

/**
 * Step 4 of the Client Cert Checker over the wire: a {@code ValidateClientCertificates} session
 * listing the candidates' thumbprints and public certificates; the gateway answers which are valid.
 */
final class SideCarCertificateValidation implements CertificateValidationGateway {
    private final Supplier<GatewayClient> client;
    private final SideCarJson json;

    SideCarCertificateValidation(Supplier<GatewayClient> client, SideCarJson json) {
        this.client = client;
        this.json = json;
    }

    @Override
    public CertificateValidationResponse validate(CertificateValidationRequest request) throws IOException {
        List<CertificateCandidate> payload = new ArrayList<>();
        for (CertificateValidationRequest.Candidate c : request.candidates()) {
            payload.add(new CertificateCandidate(c.thumbprint(), c.certificateBlob()));
        }
        SideCarGatewaySession answer;
        try {
            answer = client.get().session(RequestContentType.VALIDATE_CLIENT_CERTIFICATES, json.write(payload),
                    CheckinReason.AGENT_RESTART, CheckinReasonPayload.none()).get();
        } catch (ExecutionException e) {
            throw new IOException("certificate validation failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while validating certificates", e);
        }
        List<CertificateVerdict> verdicts = json.read(answer.responsePayload(), new TypeReference<List<CertificateVerdict>>() {
        });
        return CertificateValidationResponse.valid(verdicts.stream().filter(CertificateVerdict::isValid)
                .map(CertificateVerdict::thumbprint).toList());
    }
}
