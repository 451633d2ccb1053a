package org.imelab.gateway.protocol;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The encoding of the app-policy responses ({@code RequestApplication}, {@code GetSelectedApp},
 * {@code GetAvailableApp}): Base64 of {@code [uncompressed length, int32 little-endian][gzip
 * stream of the UTF-8 JSON]} (ime-behaviour.md C §3.2, [C] [PYTUNE]).
 *
 * <p>Decoding checks what a careless reader would trust: the declared length against a limit
 * (a hostile length must not make us allocate gigabytes) and against the bytes actually inflated.
 */
public final class CompressedPayload {

    /** Larger policy documents are refused; the real ones are kilobytes to a few megabytes. */
    public static final int DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

    private CompressedPayload() {
    }

    public static String encode(String json) {
        byte[] plain = json.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(plain.length).array());
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    public static String decode(String payload) {
        return decode(payload, DEFAULT_MAX_BYTES);
    }

    /** @throws PayloadFormatException when the payload is not this encoding or is inconsistent */
    public static String decode(String payload, int maxBytes) {
        if (payload == null) {
            throw new PayloadFormatException("compressed payload is null");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(payload.strip());
        } catch (IllegalArgumentException e) {
            throw new PayloadFormatException("compressed payload is not Base64: " + e.getMessage());
        }
        if (raw.length < 4) {
            throw new PayloadFormatException("compressed payload has " + raw.length
                    + " bytes, fewer than its 4-byte length prefix");
        }
        int declared = ByteBuffer.wrap(raw, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (declared < 0 || declared > maxBytes) {
            throw new PayloadFormatException("compressed payload declares " + Integer.toUnsignedString(declared)
                    + " bytes, outside 0.." + maxBytes);
        }
        byte[] plain = new byte[declared];
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw, 4, raw.length - 4))) {
            int off = 0;
            while (off < declared) {
                int n = in.read(plain, off, declared - off);
                if (n < 0) {
                    throw new PayloadFormatException("compressed payload inflates to " + off
                            + " bytes but declares " + declared);
                }
                off += n;
            }
            if (in.read() >= 0) {
                throw new PayloadFormatException("compressed payload inflates to more than the "
                        + declared + " bytes it declares");
            }
        } catch (IOException e) {
            throw new PayloadFormatException("compressed payload is not a valid gzip stream: " + e.getMessage());
        }
        return new String(plain, StandardCharsets.UTF_8);
    }
}
