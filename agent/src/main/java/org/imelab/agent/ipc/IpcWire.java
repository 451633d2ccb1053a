package org.imelab.agent.ipc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The framing on the daemon's socket: the caller writes one verb and a newline; the daemon
 * answers with one line of JSON ({@link IpcResponse}) and closes.
 */
final class IpcWire {
    /** The longest request line accepted, newline included; the longest verb is 14 bytes. */
    static final int MAX_REQUEST = 64;
    /** The longest answer a client reads. */
    static final int MAX_RESPONSE = 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private IpcWire() {
    }

    /** Outcome of reading a request line. */
    sealed interface Line {
        record Text(String value) implements Line {
        }

        record TooLong() implements Line {
        }

        record Incomplete() implements Line {
        }
    }

    /**
     * Reads up to the first newline, at most {@code max} bytes, decoded with {@code charset}. Both
     * sides send exactly one line, so whatever follows the newline is ignored.
     */
    static Line readLine(ReadableByteChannel ch, int max, Charset charset) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(max + 1);
        int scanned = 0;
        while (true) {
            int n = ch.read(buf);
            for (int i = scanned; i < buf.position(); i++) {
                if (buf.get(i) == '\n') {
                    return new Line.Text(charset.decode(ByteBuffer.wrap(buf.array(), 0, i)).toString());
                }
            }
            scanned = buf.position();
            if (!buf.hasRemaining()) {
                return new Line.TooLong();
            }
            if (n < 0) {
                return new Line.Incomplete();
            }
        }
    }

    static byte[] encode(IpcResponse response) {
        try {
            return (JSON.writeValueAsString(response) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode " + response, e);
        }
    }

    static IpcResponse decode(String line) throws IOException {
        return JSON.readValue(line, IpcResponse.class);
    }
}
