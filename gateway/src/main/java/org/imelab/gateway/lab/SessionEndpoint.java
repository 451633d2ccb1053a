package org.imelab.gateway.lab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imelab.gateway.protocol.PayloadFormatException;
import org.imelab.gateway.protocol.RequestContentType;
import org.imelab.gateway.protocol.SideCarGatewaySession;
import org.imelab.gateway.protocol.SideCarJson;
import org.imelab.gateway.protocol.SideCarUrls;
import org.imelab.gateway.protocol.certificate.CertificateCandidate;
import org.imelab.gateway.protocol.certificate.CertificateVerdict;
import org.imelab.gateway.protocol.content.ContentInfo;
import org.imelab.gateway.protocol.content.ContentInfoPayload;
import org.imelab.gateway.protocol.content.DecryptInfo;
import org.imelab.gateway.protocol.report.ReportAcknowledgement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code PUT /SideCarGatewayService/SideCarGatewaySessions('{id}')?api-version=1.5}: the SideCar
 * session. The device is the one the client certificate was issued to (anything else is
 * refused with 403); the user, if any, comes from the {@code Authorization} header
 * ({@link LabUserToken}). The answer echoes the envelope with {@code ResponseContentType},
 * {@code ResponsePayload} (encoded as the real service does for that request type),
 * {@code CheckinIntervalMinutes} and {@code EnabledFlights} from the lab file.
 */
final class SessionEndpoint implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SessionEndpoint.class);
    /** The decoded path; some clients encode the '?' of the query into it ({@code %3Fapi-version=1.5}). */
    private static final Pattern PATH = Pattern.compile(
            "/SideCarGatewayService/SideCarGatewaySessions\\((?:guid)?'([0-9a-fA-F-]{36})'\\)(?:\\?api-version=([^&]*))?");

    private final LabServices lab;
    private final LabPolicyBuilder policies;

    SessionEndpoint(LabServices lab) {
        this.lab = lab;
        this.policies = new LabPolicyBuilder(lab.json());
    }

    @Override
    public void handle(HttpExchange raw) throws IOException {
        LabExchange ex = new LabExchange(raw);
        try {
            serve(ex);
        } catch (RuntimeException e) {
            LOG.error("Session failed", e);
            ex.odataError(500, "InternalError", "the lab gateway failed: " + e);
        }
    }

    private void serve(LabExchange ex) throws IOException {
        Matcher m = PATH.matcher(ex.raw().getRequestURI().getPath());
        if (!m.matches()) {
            ex.odataError(404, "ResourceNotFound", "no such resource: " + ex.raw().getRequestURI().getPath());
            return;
        }
        if (!"PUT".equals(ex.method())) {
            ex.raw().getResponseHeaders().set("Allow", "PUT");
            ex.odataError(405, "MethodNotAllowed", "a SideCar session is opened with PUT");
            return;
        }
        String apiVersion = m.group(2) != null ? m.group(2) : ex.query().get("api-version");
        if (apiVersion != null && !SideCarUrls.API_VERSION.equals(apiVersion)) {
            ex.odataError(400, "BadRequest", "api-version " + apiVersion + " is not supported (use "
                    + SideCarUrls.API_VERSION + ")");
            return;
        }
        Optional<LabDevice> device = LabAuth.device(ex, lab.devices());
        if (device.isEmpty()) {
            LabAuth.refuse(ex);
            return;
        }
        Optional<String> user;
        try {
            user = LabUserToken.userId(ex.raw().getRequestHeaders().getFirst("Authorization"), lab.json());
        } catch (PayloadFormatException e) {
            ex.odataError(401, "Unauthorized", e.getMessage());
            return;
        }
        Optional<String> body = ex.body();
        if (body.isEmpty()) {
            ex.odataError(413, "RequestEntityTooLarge", "the session body exceeds " + LabExchange.MAX_BODY + " bytes");
            return;
        }
        SideCarGatewaySession session;
        try {
            session = lab.json().readSession(body.get());
        } catch (PayloadFormatException e) {
            ex.odataError(400, "BadRequest", "the session envelope is not valid: " + e.getMessage());
            return;
        }
        Optional<RequestContentType> type = session.requestType();
        if (type.isEmpty()) {
            ex.odataError(400, "BadRequest", "RequestContentType " + session.requestContentType()
                    + " is not supported by the lab gateway");
            return;
        }
        LabDevice d = device.get();
        lab.devices().recordCheckin(d.deviceId(), new LabDevices.Checkin(lab.clock().instant(),
                type.get().wireName(), session.checkinReason() == null ? null : session.checkinReason().wireName(),
                user.orElse(null), session.clientInfo() == null ? null : session.clientInfo().operatingSystemVersion(),
                session.clientInfo() == null ? null : session.clientInfo().sideCarAgentVersion()));
        boolean windows = session.clientInfo() != null && session.clientInfo().operatingSystemVersion() != null
                ? session.clientInfo().looksLikeWindows() : "windows".equalsIgnoreCase(d.platform());
        DeviceContext ctx = new DeviceContext(d.deviceId(), d.deviceName(), user.orElse(null), windows);
        LabDefinition def = lab.definitions().current();
        String payload;
        try {
            payload = answer(type.get(), session, def, ctx, d);
        } catch (PayloadFormatException e) {
            ex.odataError(400, "BadRequest", type.get() + ": " + e.getMessage());
            return;
        } catch (LabDefinitionException e) {
            ex.odataError(404, "ResourceNotFound", type.get() + ": " + e.getMessage());
            return;
        } catch (InjectedGatewayError e) {
            LOG.info("{} for device {}: lab fault, answering a server error ({})", type.get(), ctx.deviceId(),
                    e.getMessage());
            ex.odataError(500, "InternalServerError", type.get() + ": " + e.getMessage());
            return;
        }
        String base = lab.urls().sideCar();
        SideCarGatewaySession answer = session.answer(base + "/$metadata#SideCarGatewaySessions/@Element",
                base + "/SideCarGatewaySessions('" + m.group(1) + "')", type.get().responseContentType(),
                lab.json().encodeResponseJson(type.get(), payload), def.enabledFlights(), def.checkinIntervalMinutes());
        ex.json(200, lab.json().writeSession(answer));
    }

    private String answer(RequestContentType type, SideCarGatewaySession session, LabDefinition def, DeviceContext ctx,
                          LabDevice device) throws IOException, LabDefinitionException {
        SideCarJson json = lab.json();
        return switch (type) {
            case REQUEST_APPLICATION, GET_AVAILABLE_APP, GET_SELECTED_APP -> {
                List<ServedPolicy> served = policies.policies(def, ctx, type);
                LOG.info("{} for device {} user {}: {} policies", type, ctx.deviceId(), ctx.userId(), served.size());
                yield policies.write(served);
            }
            case GET_CONTENT_INFO -> contentInfo(json.read(required(session), ContentInfoPayload.class), def, device);
            case POLICY_REQUEST -> json.write(def.platformScripts());
            case GET_SCRIPT -> json.write(def.remediations());
            case WIN32_APP_RESULT, POLICY_RESULT, APPLICATION_INVENTORY -> {
                ReportAcknowledgement ack = lab.reports().record(device.deviceId(), type, required(session),
                        lab.clock().instant());
                LOG.info("{} from device {}: {} accepted, {} refused", type, device.deviceId(), ack.accepted(),
                        ack.rejected().size());
                yield json.write(ack);
            }
            case VALIDATE_CLIENT_CERTIFICATES -> json.write(verdicts(json.read(required(session),
                    new com.fasterxml.jackson.core.type.TypeReference<List<CertificateCandidate>>() { }), device));
        };
    }

    private String contentInfo(ContentInfoPayload request, LabDefinition def, LabDevice device)
            throws IOException, LabDefinitionException {
        LabApp app = def.app(request.applicationId() == null ? "" : request.applicationId()).orElseThrow(() ->
                new LabDefinitionException("", "the lab has no app " + request.applicationId()));
        if (app.faults().gatewayError()) {
            throw new InjectedGatewayError("the lab file injects a gateway error for app " + app.id());
        }
        if (request.applicationVersion() != null && request.applicationVersion() != app.version()) {
            throw new LabDefinitionException("", "app " + app.id() + " is at version " + app.version() + ", not "
                    + request.applicationVersion());
        }
        X509Certificate recipient;
        try {
            recipient = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(request.certificateDer()));
        } catch (CertificateException | IllegalArgumentException e) {
            throw new PayloadFormatException("CertificateBlob is not a certificate: " + e.getMessage());
        }
        // the keys go only to the certificate this device authenticated with
        if (!LabDevice.thumbprint(recipient).equals(device.thumbprint())) {
            throw new PayloadFormatException("CertificateBlob is not the certificate this device authenticated with");
        }
        LabContentStore.Prepared prepared = lab.content().prepare(app);
        ContentInfo info = new ContentInfo(lab.urls().content(prepared.appKey(), prepared.contentId()), null,
                prepared.size());
        return lab.json().write(request.answer(info, DecryptInfo.seal(prepared.keys(), recipient, lab.json())));
    }

    private List<CertificateVerdict> verdicts(List<CertificateCandidate> candidates, LabDevice device) {
        List<CertificateVerdict> out = new ArrayList<>();
        for (CertificateCandidate c : candidates == null ? List.<CertificateCandidate>of() : candidates) {
            String thumb = c == null || c.thumbprint() == null ? "" : c.thumbprint().toUpperCase(java.util.Locale.ROOT);
            Optional<LabDevice> owner = lab.devices().all().stream().filter(d -> d.thumbprint().equals(thumb)).findFirst();
            if (owner.isEmpty()) {
                out.add(new CertificateVerdict(thumb, false, "not issued by this lab, or replaced by a newer one"));
            } else if (!owner.get().deviceId().equals(device.deviceId())) {
                out.add(new CertificateVerdict(thumb, false, "issued to another device"));
            } else if (owner.get().certificate().getNotAfter().toInstant().isBefore(lab.clock().instant())) {
                out.add(new CertificateVerdict(thumb, false, "expired"));
            } else {
                out.add(new CertificateVerdict(thumb, true, null));
            }
        }
        return out;
    }

    /** A lab file's {@code faults.gatewayError}: the session answers as a failing service would. */
    private static final class InjectedGatewayError extends RuntimeException {
        InjectedGatewayError(String message) {
            super(message, null, false, false);
        }
    }

    private static String required(SideCarGatewaySession session) {
        if (session.requestPayload() == null || session.requestPayload().isBlank()) {
            throw new PayloadFormatException("RequestPayload is empty");
        }
        return session.requestPayload();
    }
}
