package org.imelab.agent.win32app.sidecar;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.imelab.agent.gateway.GatewayClient;
import org.imelab.agent.win32app.content.ContentLocation;
import org.imelab.agent.win32app.content.ContentService;
import org.imelab.agent.win32app.content.ContentUnavailableException;
import org.imelab.agent.win32app.report.ReportNotDeliveredException;
import org.imelab.agent.win32app.report.ResultReporter;
import org.imelab.gateway.protocol.CheckinReason;
import org.imelab.gateway.protocol.CheckinReasonPayload;
import org.imelab.gateway.protocol.PayloadFormatException;
import org.imelab.gateway.protocol.RequestContentType;
import org.imelab.gateway.protocol.SideCarGatewaySession;
import org.imelab.gateway.protocol.SideCarJson;
import org.imelab.gateway.protocol.content.ContentInfoPayload;
import org.imelab.gateway.protocol.content.ContentKeys;
import org.imelab.gateway.protocol.content.DecryptInfo;
import org.imelab.gateway.protocol.report.AppResult;
import org.imelab.gateway.protocol.report.ReportAcknowledgement;
import org.imelab.gateway.protocol.win32.InstallEx;
import org.imelab.gateway.protocol.win32.RunAs;
import org.imelab.gateway.protocol.win32.Win32AppPolicy;
import org.imelab.registry.ime.Scope;

/**
 * The Win32 app engine's calls to the SideCar gateway: {@code GetContentInfo} (the package's
 * location, and its keys as CMS EnvelopedData to the device certificate, opened with the device
 * key), the CDN download (plain HTTPS, no client certificate), and {@code Win32AppResult} reports.
 */
public final class SideCarWin32AppService implements ContentService, ResultReporter {
    /** The longest a single session call may take before the engine gives up on it. */
    private static final long CALL_SECONDS = 180;

    private final GatewayClient client;
    private final SideCarJson json;
    private final X509Certificate deviceCertificate;
    private final PrivateKey deviceKey;
    private final Provider keyProvider;
    private final OkHttpClient cdn;

    /**
     * @param keyProvider the JCA provider holding {@code deviceKey} (SunMSCAPI for a key in the
     *                    Windows store); null for a software key
     * @param cdn         the HTTP client for content downloads (trusting the CDN's certificate)
     */
    public SideCarWin32AppService(GatewayClient client, SideCarJson json, X509Certificate deviceCertificate,
            PrivateKey deviceKey, Provider keyProvider, OkHttpClient cdn) {
        this.client = Objects.requireNonNull(client, "client");
        this.json = Objects.requireNonNull(json, "json");
        this.deviceCertificate = Objects.requireNonNull(deviceCertificate, "deviceCertificate");
        this.deviceKey = Objects.requireNonNull(deviceKey, "deviceKey");
        this.keyProvider = keyProvider == null ? new BouncyCastleProvider() : keyProvider;
        this.cdn = Objects.requireNonNull(cdn, "cdn");
    }

    @Override
    public ContentLocation contentInfo(Win32AppPolicy policy, Scope scope) throws ContentUnavailableException {
        ContentInfoPayload request;
        try {
            InstallEx ex = policy.installEx();
            boolean user = ex != null && ex.runAsKind().orElse(RunAs.SYSTEM) == RunAs.USER;
            request = ContentInfoPayload.request(policy.id(), policy.version(), policy.intent(), policy.name(),
                    deviceCertificate.getEncoded(), 0, policy.targetType() == null ? 2 : policy.targetType(),
                    user ? 1 : 2);
        } catch (CertificateEncodingException e) {
            throw new ContentUnavailableException("the device certificate cannot be encoded", e);
        }
        SideCarGatewaySession answer = call(RequestContentType.GET_CONTENT_INFO, json.write(request));
        try {
            ContentInfoPayload info = json.read(answer.responsePayload(), ContentInfoPayload.class);
            if (info.contentInfo() == null || info.contentInfo().uploadLocation() == null) {
                throw new ContentUnavailableException("the answer has no UploadLocation", null);
            }
            ContentKeys keys = DecryptInfo.open(info.decryptInfo(), deviceKey, keyProvider, json);
            return new ContentLocation(URI.create(info.contentInfo().uploadLocation()), keys.toEncryptionInfo(),
                    info.contentInfo().encryptedContentSize());
        } catch (PayloadFormatException | IllegalArgumentException e) {
            throw new ContentUnavailableException("GetContentInfo answer cannot be used: " + e.getMessage(), e);
        }
    }

    private SideCarGatewaySession call(RequestContentType type, String payload) throws ContentUnavailableException {
        try {
            return client.session(type, payload, CheckinReason.UNKNOWN, CheckinReasonPayload.none())
                    .get(CALL_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new ContentUnavailableException(String.valueOf(e.getCause().getMessage()), e.getCause());
        } catch (TimeoutException e) {
            throw new ContentUnavailableException(type + " got no answer within " + CALL_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContentUnavailableException(type + " interrupted", e);
        }
    }

    @Override
    public void download(ContentLocation location, Path target) throws IOException {
        download(location, target, n -> { }, n -> { });
    }

    @Override
    public void download(ContentLocation location, Path target, java.util.function.LongConsumer received,
            java.util.function.LongConsumer total) throws IOException {
        Request request = new Request.Builder().url(location.uploadLocation().toString()).build();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (Response r = cdn.newCall(request).execute()) {
            if (!r.isSuccessful() || r.body() == null) {
                throw new IOException("HTTP " + r.code() + " from " + location.uploadLocation());
            }
            total.accept(r.body().contentLength());
            try (InputStream in = r.body().byteStream();
                    java.io.OutputStream out = Files.newOutputStream(partial)) {
                byte[] buffer = new byte[1 << 16];
                long count = 0;
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    count += n;
                    received.accept(count);
                }
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @Override
    public void send(List<AppResult> results) throws ReportNotDeliveredException {
        SideCarGatewaySession answer;
        try {
            answer = call(RequestContentType.WIN32_APP_RESULT, json.write(results));
        } catch (ContentUnavailableException e) {
            throw new ReportNotDeliveredException(e.getMessage(), e.getCause());
        }
        try {
            ReportAcknowledgement ack = json.read(answer.responsePayload(), ReportAcknowledgement.class);
            if (!ack.rejected().isEmpty()) {
                throw new ReportNotDeliveredException("the service refused " + ack.rejected(), null);
            }
        } catch (PayloadFormatException e) {
            throw new ReportNotDeliveredException("the acknowledgement cannot be read: " + e.getMessage(), e);
        }
    }
}
