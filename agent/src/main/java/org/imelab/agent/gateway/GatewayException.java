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
}
