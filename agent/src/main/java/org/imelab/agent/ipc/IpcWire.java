package org.imelab.agent.ipc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The framing on the daemon's socket: the caller writes one verb and a newline; the daemon
 * answers and closes. The answer is plain text, so that the short-lived {@code imelab moniker}
 * process loads no JSON library: {@code OK <message>} or {@code ERR <message>}, then one
 * {@code <name>TAB<value>} line per detail. Control characters in names and values become spaces.
 */
final class IpcWire {
    /** The longest request line accepted, newline included; the longest verb is 14 bytes. */
    static final int MAX_REQUEST = 64;
    /** The longest answer a client reads. */
    static final int MAX_RESPONSE = 64 * 1024;

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
        StringBuilder sb = new StringBuilder(response.ok() ? "OK " : "ERR ").append(clean(response.message())).append('\n');
        response.details().forEach((k, v) -> sb.append(clean(k)).append('\t').append(clean(v)).append('\n'));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static IpcResponse decode(String text) throws IOException {
        String[] lines = text.split("\n", -1);
        boolean ok;
        String message;
        if (lines[0].startsWith("OK ")) {
            ok = true;
            message = lines[0].substring(3);
        } else if (lines[0].startsWith("ERR ")) {
            ok = false;
            message = lines[0].substring(4);
        } else {
            throw new IOException("The imelab agent's answer is garbled: " + MonikerUrl.show(lines[0]));
        }
        java.util.Map<String, String> details = new java.util.LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            int tab = lines[i].indexOf('\t');
            if (tab < 0) {
                throw new IOException("The imelab agent's answer is garbled: " + MonikerUrl.show(lines[i]));
            }
            details.put(lines[i].substring(0, tab), lines[i].substring(tab + 1));
        }
        return new IpcResponse(ok, message, details);
    }

    private static String clean(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? ' ' : c);
        }
        return sb.toString();
    }
}
