package org.imelab.agent.device;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.imelab.agent.gateway.GatewayClient;
import org.imelab.agent.gateway.GatewayException;
import org.imelab.certpicker.check.CertificateValidationGateway;
import org.imelab.certpicker.check.CertificateValidationRequest;
import org.imelab.certpicker.check.CertificateValidationResponse;
import org.imelab.certpicker.check.MdmCandidate;
import org.imelab.certpicker.check.MdmCertificateSearch;
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
 *
 * <p>The session itself needs mutual TLS, and which certificate to present is exactly what is
 * being decided: the candidates are presented in turn, best first, until the gateway accepts one
 * (a 403 means it does not know that certificate, e.g. one from a wiped lab). If it accepts none,
 * none is valid.
 */
final class SideCarCertificateValidation implements CertificateValidationGateway {
    /** A gateway client presenting one candidate as its client certificate; closed after its session. */
    @FunctionalInterface
    interface ClientFactory {
        GatewayClient presenting(MdmCandidate candidate) throws IOException;
    }

    /** One probe: a session with one certificate. Probes are not retried; the next certificate is tried. */
    static final java.time.Duration PROBE_TIMEOUT = java.time.Duration.ofSeconds(60);

    private final MdmCertificateSearch search;
    private final ClientFactory clients;
    private final SideCarJson json;

    SideCarCertificateValidation(MdmCertificateSearch search, ClientFactory clients, SideCarJson json) {
        this.search = search;
        this.clients = clients;
        this.json = json;
    }

    @Override
    public CertificateValidationResponse validate(CertificateValidationRequest request) throws IOException {
        List<CertificateCandidate> payload = new ArrayList<>();
        for (CertificateValidationRequest.Candidate c : request.candidates()) {
            payload.add(new CertificateCandidate(c.thumbprint(), c.certificateBlob()));
        }
        String body = json.write(payload);
        Set<String> asked = request.candidates().stream().map(CertificateValidationRequest.Candidate::thumbprint)
                .collect(Collectors.toSet());
        List<MdmCandidate> presentable = search.search().stream().filter(c -> asked.contains(c.thumbprint()))
                .sorted(MdmCandidate.BEST_FIRST).toList();
        IOException unreachable = null;
        for (MdmCandidate presented : presentable) {
            SideCarGatewaySession answer;
            GatewayClient client = clients.presenting(presented);
            try {
                answer = client.session(RequestContentType.VALIDATE_CLIENT_CERTIFICATES, body,
                        CheckinReason.AGENT_RESTART, CheckinReasonPayload.none())
                        .get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof GatewayException g && g.certificateRefused()) {
                    continue; // the gateway does not know this certificate (403 or refused in the handshake): try the next one
                }
                // A reset during the handshake is often a refusal whose alert the close overtook; it may
                // also be the network. Try the next certificate, and if none is accepted, say "unreachable".
                unreachable = new IOException("certificate validation failed: " + e.getCause().getMessage(), e.getCause());
                continue;
            } catch (TimeoutException e) {
                unreachable = new IOException("certificate validation got no answer within " + PROBE_TIMEOUT.toSeconds()
                        + " s", e);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while validating certificates", e);
            } finally {
                client.close();
            }
            List<CertificateVerdict> verdicts = json.read(answer.responsePayload(),
                    new TypeReference<List<CertificateVerdict>>() {
                    });
            return CertificateValidationResponse.valid(verdicts.stream().filter(CertificateVerdict::isValid)
                    .map(CertificateVerdict::thumbprint).toList());
        }
        if (unreachable != null) {
            throw unreachable; // not a clean "none is valid": the checker keeps CertMetadata as it is
        }
        return CertificateValidationResponse.valid(List.of()); // it refused every one of them
    }
}
