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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
            FutureTask<IpcResponse> io = new FutureTask<>(() -> {
                ByteBuffer out = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
                while (out.hasRemaining()) {
                    ch.write(out);
                }
                String answer = IpcWire.readAll(ch, IpcWire.MAX_RESPONSE);
                if (answer.isEmpty()) {
                    throw new IOException("The imelab agent closed the connection without an answer");
                }
                return IpcWire.decode(answer);
            });
            Thread.ofPlatform().name("imelab-ipc-client").daemon(true).start(io);
            try {
                return io.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new IOException("The imelab agent did not answer within " + timeout.toSeconds() + " s", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io2) {
                    throw io2;
                }
                throw new IOException("Talking to the imelab agent failed: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for the imelab agent", e);
            }
        } finally {
            ch.close();
        }
    }
}
