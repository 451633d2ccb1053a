package org.imelab.gateway.lab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /content/{appId}_{version}/{contentId}.intunewin.bin}: the lab's CDN. Like the real
 * one it needs no client certificate (the file is encrypted; the keys travel only in
 * {@code DecryptInfo}), streams the file and honours a single {@code Range} so downloads resume.
 */
final class ContentEndpoint implements HttpHandler {
    static final String PREFIX = "/content/";
    private static final Pattern PATH = Pattern.compile("/content/([0-9a-fA-F-]{36}_\\d+)/([0-9a-f]{16,64})\\.intunewin\\.bin");
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private final LabServices lab;

    ContentEndpoint(LabServices lab) {
        this.lab = lab;
    }

    /** The lab file's {@code faults.downloadFailure} for the app of {@code {appId}_{version}}. */
    private Optional<Integer> injectedFailure(String appKey) {
        String appId = appKey.substring(0, appKey.lastIndexOf('_'));
        return lab.definitions().current().app(appId).map(a -> a.faults().downloadStatus());
    }

    @Override
    public void handle(HttpExchange raw) throws IOException {
        LabExchange ex = new LabExchange(raw);
        boolean head = "HEAD".equals(ex.method());
        if (!"GET".equals(ex.method()) && !head) {
            ex.odataError(405, "MethodNotAllowed", "use GET");
            return;
        }
        Matcher m = PATH.matcher(raw.getRequestURI().getPath());
        Optional<LabContentStore.Prepared> prepared = m.matches() ? lab.content().find(m.group(1), m.group(2))
                : Optional.empty();
        if (prepared.isEmpty()) {
            ex.odataError(404, "ResourceNotFound", "no such content: " + raw.getRequestURI().getPath());
            return;
        }
        Optional<Integer> injected = injectedFailure(m.group(1));
        if (injected.isPresent()) {
            ex.odataError(injected.get(), "InjectedFault", "the lab file injects a download failure for "
                    + m.group(1));
            return;
        }
        long size = Files.size(prepared.get().encryptedFile());
        long from = 0;
        long to = size - 1;
        int status = 200;
        String range = raw.getRequestHeaders().getFirst("Range");
        if (range != null) {
            Matcher r = RANGE.matcher(range.strip());
            if (!r.matches() || Long.parseLong(r.group(1)) >= size) {
                raw.getResponseHeaders().set("Content-Range", "bytes */" + size);
                ex.empty(416);
                return;
            }
            from = Long.parseLong(r.group(1));
            to = r.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(r.group(2)));
            if (to < from) {
                raw.getResponseHeaders().set("Content-Range", "bytes */" + size);
                ex.empty(416);
                return;
            }
            status = 206;
            raw.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + size);
        }
        raw.getResponseHeaders().set("Content-Type", "application/octet-stream");
        raw.getResponseHeaders().set("Accept-Ranges", "bytes");
        long length = to - from + 1;
        if (head) {
            raw.getResponseHeaders().set("Content-Length", Long.toString(length));
            raw.sendResponseHeaders(status, -1);
            raw.close();
            return;
        }
        raw.sendResponseHeaders(status, length);
        try (InputStream in = Files.newInputStream(prepared.get().encryptedFile());
             OutputStream out = raw.getResponseBody()) {
            in.skipNBytes(from);
            byte[] buf = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    throw new IOException("content file shrank while being served");
                }
                out.write(buf, 0, n);
                left -= n;
            }
        }
        raw.close();
    }
}
