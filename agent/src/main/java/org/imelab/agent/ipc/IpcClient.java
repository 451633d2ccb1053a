package org.imelab.agent.ipc;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.TimeUnit;

/** Hands one verb to the running daemon and returns its answer. */
public final class IpcClient {
    private final Path socketPath;
    private final Duration timeout;

    public IpcClient(Path socketPath, Duration timeout) {
        this.socketPath = socketPath;
        this.timeout = timeout;
    }

    /**
     * @throws DaemonNotRunningException when no daemon listens on the socket
     * @throws IOException when the daemon does not answer within the timeout or the answer is garbled
     */
    public IpcResponse send(IpcVerb verb) throws IOException {
        return exchange(verb.wire());
    }

    private void await(Selector selector, long deadline) throws IOException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0 || selector.select(left) == 0 && System.nanoTime() >= deadline) {
            throw new IOException("The imelab agent did not answer within " + timeout.toSeconds() + " s");
        }
        selector.selectedKeys().clear();
    }

    /** Sends a raw line; for tests that check what the daemon refuses. */
    IpcResponse exchange(String line) throws IOException {
        if (!Files.exists(socketPath)) {
            throw new DaemonNotRunningException("The imelab agent is not running (no socket at " + socketPath + ")", null);
        }
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            try {
                ch.connect(UnixDomainSocketAddress.of(socketPath));
            } catch (IOException e) {
                throw new DaemonNotRunningException("The imelab agent is not running (nobody answers on "
                        + socketPath + ": " + e.getMessage() + ")", e);
            }
            // non-blocking with a selector: the timeout needs no second thread in this short-lived process
            ch.configureBlocking(false);
            long deadline = System.nanoTime() + timeout.toNanos();
            try (Selector selector = Selector.open()) {
                ByteBuffer out = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
                SelectionKey key = ch.register(selector, SelectionKey.OP_WRITE);
                while (out.hasRemaining()) {
                    await(selector, deadline);
                    ch.write(out);
                }
                key.interestOps(SelectionKey.OP_READ);
                ByteBuffer in = ByteBuffer.allocate(IpcWire.MAX_RESPONSE + 1);
                try {
                    while (in.hasRemaining()) {
                        await(selector, deadline);
                        if (ch.read(in) < 0) {
                            break;
                        }
                    }
                } catch (java.net.SocketException e) {
                    // a daemon that refused a request closes without reading the rest of it, which
                    // the OS reports as a reset after its answer: the answer read so far is complete
                    if (in.position() == 0) {
                        throw e;
                    }
                }
                if (!in.hasRemaining()) {
                    throw new IOException("The imelab agent's answer is longer than " + IpcWire.MAX_RESPONSE + " bytes");
                }
                if (in.position() == 0) {
                    throw new IOException("The imelab agent closed the connection without an answer");
                }
                in.flip();
                return IpcWire.decode(StandardCharsets.UTF_8.decode(in).toString());
            }
        } finally {
            ch.close();
        }
    }
}
