package org.imelab.agent.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionSpec;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.TlsVersion;
import org.imelab.agent.time.Cancellable;
import org.imelab.agent.time.Scheduler;
import org.imelab.gateway.protocol.CheckinReason;
import org.imelab.gateway.protocol.CheckinReasonPayload;
import org.imelab.gateway.protocol.ClientInfo;
import org.imelab.gateway.protocol.PayloadFormatException;
import org.imelab.gateway.protocol.RequestContentType;
import org.imelab.gateway.protocol.SideCarGatewaySession;
import org.imelab.gateway.protocol.SideCarJson;
import org.imelab.gateway.protocol.SideCarUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's side of the SideCar session: {@code PUT {sideCarUrl}/SideCarGatewaySessions('{id}')}
 * over HTTPS with the device certificate (mutual TLS). Transport errors are retried after
 * {@link Backoff} delays measured on the {@link Scheduler}; an HTTP error is not retried, and is
 * logged with the request type and the server's answer verbatim. Every failure ends as a
 * {@link GatewayException} in the returned future, never as an exception on a daemon thread.
 */
public final class GatewayClient implements AutoCloseable {
    private static final Logger ime = LoggerFactory.getLogger("ime.IntuneManagementExtension");
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    /** Answers larger than this are refused (a policy set of thousands of apps is a few MB). */
    static final long MAX_RESPONSE_BYTES = 64L * 1024 * 1024;
    /** How much of an error answer goes into the log and the exception. */
    static final int MAX_LOGGED_BODY = 8 * 1024;

    /**
     * TLS 1.2, as the IME's SChannel connections with the MDM certificate use and as a TPM-held
     * key needs (cert-picker). It also makes a refused client certificate recognisable: in 1.2 the
     * gateway rejects it inside the handshake, while in 1.3 the client finishes first and then
     * sees only a broken connection, which looks like a network fault and would be retried.
     */
    static final ConnectionSpec MUTUAL_TLS = new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS)
            .tlsVersions(TlsVersion.TLS_1_2)
            .build();

    /** Connection, read and whole-call limits. */
    public record Timeouts(Duration connect, Duration read, Duration call) {
        /** Generous for a slow gateway, short enough that a dead one does not hold a check-in for long. */
        public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(15), Duration.ofSeconds(60),
                Duration.ofSeconds(120));
    }

    private final String sideCarUrl;
    private final OkHttpClient http;
    private final Scheduler scheduler;
    private final Backoff backoff;
    private final RandomGenerator random;
    private final ClientInfo clientInfo;
    private final SideCarJson json;
    /** Guards {@link #closed} against calls and retries being registered while the client closes. */
    private final Object lock = new Object();
    private final Map<Object, Runnable> inFlight = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param tls the client side of mutual TLS: the device certificate's key manager and the trust
     *        for the gateway's certificate (cert-picker's {@code ClientKeyManagers.sslContext})
     * @param trust the trust manager inside {@code tls}, which OkHttp needs to know explicitly
     */
    public GatewayClient(String sideCarUrl, SSLContext tls, X509TrustManager trust, ClientInfo clientInfo,
            Scheduler scheduler, Timeouts timeouts, Backoff backoff, RandomGenerator random, SideCarJson json) {
        this.sideCarUrl = Objects.requireNonNull(sideCarUrl, "sideCarUrl");
        this.scheduler = scheduler;
        this.backoff = backoff;
        this.random = random;
        this.clientInfo = clientInfo;
        this.json = json;
        this.http = new OkHttpClient.Builder()
                .sslSocketFactory(tls.getSocketFactory(), trust)
                .connectionSpecs(List.of(MUTUAL_TLS))
                .connectTimeout(timeouts.connect())
                .readTimeout(timeouts.read())
                .writeTimeout(timeouts.read())
                .callTimeout(timeouts.call())
                .retryOnConnectionFailure(false) // retries are ours, counted and logged
                .followRedirects(false)
                .build();
    }

    public String sideCarUrl() {
        return sideCarUrl;
    }

    /** The configured HTTP client (mutual TLS, pool), for the push listener's long poll. */
    OkHttpClient http() {
        return http;
    }

    SideCarJson json() {
        return json;
    }

    /**
     * Opens one session. The future completes with the gateway's answer, or exceptionally with a
     * {@link GatewayException}.
     *
     * @param payload the already-encoded request payload ({@code "[]"} when the type takes none)
     */
    public CompletableFuture<SideCarGatewaySession> session(RequestContentType type, String payload,
            CheckinReason reason, CheckinReasonPayload reasonPayload) {
        return session(type, payload, reason, reasonPayload, null);
    }

    /**
     * Opens one session for a user: {@code authorization} is the user's token header value
     * ({@code Bearer ...}, the "SideCar WAM token"); null for a device (userless) session. The
     * token is never logged.
     */
    public CompletableFuture<SideCarGatewaySession> session(RequestContentType type, String payload,
            CheckinReason reason, CheckinReasonPayload reasonPayload, String authorization) {
        CompletableFuture<SideCarGatewaySession> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(cancelled(type));
            return result;
        }
        UUID id = UUID.randomUUID();
        String body = json.writeSession(SideCarGatewaySession.request(id, type, payload, clientInfo, reason,
                reasonPayload));
        // a PUT of the same session id is idempotent, so a retry may repeat it as is
        Request.Builder builder = new Request.Builder()
                .url(SideCarUrls.session(sideCarUrl, id))
                .put(RequestBody.create(body, JSON))
                .header("Accept", "application/json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        Request request = builder.build();
        attempt(type, request, 0, result);
        return result;
    }

    private void attempt(RequestContentType type, Request request, int retry, CompletableFuture<SideCarGatewaySession> result) {
        Call call = http.newCall(request);
        Object token = new Object();
        synchronized (lock) {
            if (closed) {
                result.completeExceptionally(cancelled(type));
                return;
            }
            inFlight.put(token, call::cancel);
        }
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                inFlight.remove(token);
                if (closed || c.isCanceled()) {
                    result.completeExceptionally(cancelled(type));
                    return;
                }
                int next = retry + 1;
                if (retryable(e) && backoff.allows(next)) {
                    Duration wait = backoff.delay(next, random.nextDouble());
                    ime.warn("[SideCar] {} request failed: {}. Retry {} of {} in {} s", type, describe(e), next,
                            backoff.maxRetries(), wait.toMillis() / 1000.0);
                    Object waitToken = new Object();
                    synchronized (lock) {
                        if (closed) {
                            result.completeExceptionally(cancelled(type));
                            return;
                        }
                        Cancellable pending = scheduler.schedule("SideCar " + type + " retry " + next, wait, () -> {
                            inFlight.remove(waitToken);
                            attempt(type, request, next, result);
                        });
                        inFlight.put(waitToken, () -> {
                            pending.cancel();
                            result.completeExceptionally(cancelled(type));
                        });
                    }
                    return;
                }
                String tries = retry == 0 ? "" : " after " + (retry + 1) + " attempts";
                ime.error("[SideCar] {} request failed{}: {}", type, tries, describe(e));
                result.completeExceptionally(new GatewayException(GatewayException.Kind.TRANSPORT, type, 0, "",
                        type + " request to " + sideCarUrl + " failed" + tries + ": " + describe(e), e));
            }

            @Override
            public void onResponse(Call c, Response response) {
                inFlight.remove(token);
                try (response) {
                    result.complete(answer(type, response));
                } catch (GatewayException e) {
                    result.completeExceptionally(e);
                } catch (IOException e) {
                    ime.error("[SideCar] {} response could not be read: {}", type, describe(e));
                    result.completeExceptionally(new GatewayException(GatewayException.Kind.TRANSPORT, type, 0, "",
                            type + " response could not be read: " + describe(e), e));
                } catch (RuntimeException e) {
                    result.completeExceptionally(new GatewayException(GatewayException.Kind.MALFORMED, type, 0, "",
                            type + " response could not be handled: " + e, e));
                }
            }
        });
    }

    private SideCarGatewaySession answer(RequestContentType type, Response response) throws IOException, GatewayException {
        String text = read(response.body());
        if (!response.isSuccessful()) {
            String shown = text.length() > MAX_LOGGED_BODY ? text.substring(0, MAX_LOGGED_BODY) + "..." : text;
            ime.error("[SideCar] {} request failed with HTTP {} {}. Response: {}", type, response.code(),
                    response.message(), shown);
            throw new GatewayException(GatewayException.Kind.SERVER, type, response.code(), shown,
                    type + " request failed with HTTP " + response.code() + ": " + shown, null);
        }
        try {
            return json.readSession(text);
        } catch (PayloadFormatException e) {
            ime.error("[SideCar] {} response is not a session envelope: {}", type, e.getMessage());
            throw new GatewayException(GatewayException.Kind.MALFORMED, type, response.code(), "",
                    type + " response is not a session envelope: " + e.getMessage(), e);
        }
    }

    private static String read(ResponseBody body) throws IOException {
        if (body == null) {
            return "";
        }
        try (InputStream in = body.byteStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(MAX_RESPONSE_BYTES + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > MAX_RESPONSE_BYTES) {
                throw new IOException("the answer is larger than " + MAX_RESPONSE_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** A certificate the other side does not accept, or one we do not trust, will not improve by waiting. */
    static boolean retryable(IOException e) {
        return !(e instanceof SSLHandshakeException || e instanceof SSLPeerUnverifiedException);
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private GatewayException cancelled(RequestContentType type) {
        return new GatewayException(GatewayException.Kind.CANCELLED, type, 0, "",
                type + " request cancelled: the agent is stopping", new CancellationException());
    }

    /** Cancels calls in flight and pending retries, and releases the connection pool. */
    @Override
    public void close() {
        List<Runnable> cancels;
        synchronized (lock) {
            closed = true;
            cancels = List.copyOf(inFlight.values());
            inFlight.clear();
        }
        cancels.forEach(Runnable::run);
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        try {
            http.dispatcher().executorService().awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
