package org.imelab.agent.gateway;

import org.imelab.gateway.protocol.RequestContentType;

/**
 * A session call that did not give an answer. {@link Kind} says whether the network, the server
 * or the answer failed; the message names the request type and, for a server error, carries the
 * server's body verbatim.
 */
public final class GatewayException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** No HTTP answer (connection, TLS, timeout), after the retries. */
        TRANSPORT,
        /** The gateway answered with an HTTP error status. */
        SERVER,
        /** The gateway answered 2xx with something that is not a session envelope. */
        MALFORMED,
        /** The agent is stopping. */
        CANCELLED
    }

    private final Kind kind;
    private final transient RequestContentType requestType;
    private final int status;
    private final String body;

    GatewayException(Kind kind, RequestContentType requestType, int status, String body, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.requestType = requestType;
        this.status = status;
        this.body = body;
    }

    public Kind kind() {
        return kind;
    }

    public RequestContentType requestType() {
        return requestType;
    }

    /** The HTTP status for {@link Kind#SERVER}, else 0. */
    public int status() {
        return status;
    }

    /** The server's answer for {@link Kind#SERVER} (possibly cut at the client's limit), else empty. */
    public String body() {
        return body;
    }

    /**
     * Whether the gateway turned away the client certificate: a 403, or a TLS handshake that the
     * gateway ended with a certificate alert. Another certificate may fare better; a retry will not.
     */
    public boolean certificateRefused() {
        if (kind == Kind.SERVER) {
            return status == 403;
        }
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLHandshakeException && t.getMessage() != null
                    && CERTIFICATE_ALERTS.matcher(t.getMessage()).find()) {
                return true;
            }
        }
        return false;
    }

    /** The TLS alerts a server sends about the client's certificate (RFC 8446 §6.2). */
    private static final java.util.regex.Pattern CERTIFICATE_ALERTS = java.util.regex.Pattern.compile(
            "bad_certificate|unsupported_certificate|certificate_revoked|certificate_expired|certificate_unknown"
                    + "|unknown_ca|access_denied|certificate_required");
}
