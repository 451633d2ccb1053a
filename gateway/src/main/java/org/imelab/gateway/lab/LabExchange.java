package org.imelab.gateway.lab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Small helpers over an {@link HttpExchange}: bounded body, client certificate, JSON and OData answers. */
final class LabExchange {
    /** Request bodies larger than this are refused (413). */
    public static final int MAX_BODY = 16 * 1024 * 1024;

    private final HttpExchange exchange;

    public LabExchange(HttpExchange exchange) {
        this.exchange = exchange;
    }

    public HttpExchange raw() {
        return exchange;
    }

    public String method() {
        return exchange.getRequestMethod();
    }

    /** The body as UTF-8, or empty when it exceeds {@link #MAX_BODY} (the caller answers 413). */
    public Optional<String> body() throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                if (out.size() > MAX_BODY) {
                    return Optional.empty();
                }
            }
            return Optional.of(out.toString(StandardCharsets.UTF_8));
        }
    }

    /** The certificate the client presented in the TLS handshake (already verified against the lab's device CA). */
    public Optional<X509Certificate> clientCertificate() {
        if (!(exchange instanceof HttpsExchange https)) {
            return Optional.empty();
        }
        try {
            Certificate[] chain = https.getSSLSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x ? Optional.of(x) : Optional.empty();
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
    }

    /** The query parameters (first value of each). */
    public Map<String, String> query() {
        Map<String, String> out = new LinkedHashMap<>();
        String q = exchange.getRequestURI().getRawQuery();
        if (q == null) {
            return out;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            String k = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    public void json(int status, String json) throws IOException {
        send(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
    }

    /** An error in the OData v3 form the service's answers use. */
    public void odataError(int status, String code, String message) throws IOException {
        String json = "{\"odata.error\":{\"code\":\"" + escape(code) + "\",\"message\":{\"lang\":\"en-US\",\"value\":\""
                + escape(message) + "\"}}}";
        json(status, json);
    }

    public void empty(int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    public void send(int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : (s == null ? "" : s).toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
