package org.imelab.agent.ipc;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.imelab.agent.time.Cancellable;
import org.imelab.agent.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's local door: a Unix domain socket in the data home, which only processes on this
 * machine can reach. The socket sits in a folder only the daemon's user may enter (0700) and is
 * itself 0600; where the OS tells us the caller's user (Linux, macOS), callers other than that
 * user and root are refused as well. Only the {@link IpcVerb}s are accepted; anything else is
 * answered with a refusal and not acted on.
 */
public final class IpcServer implements AutoCloseable {
    private static final Logger ime = LoggerFactory.getLogger("ime.IntuneManagementExtension");
    private static final Logger log = LoggerFactory.getLogger(IpcServer.class);

    /** How long a caller has to send its request. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** Callers served at once; more are told to try again. */
    static final int MAX_CONCURRENT = 8;
    /** sun_path is 108 bytes on Linux, 104 on macOS, including the terminating NUL. */
    static final int MAX_SOCKET_PATH_BYTES = 103;

    /** What the daemon does with an accepted verb. */
    @FunctionalInterface
    public interface Handler {
        IpcResponse handle(IpcVerb verb);
    }

    private final Path socketPath;
    private final ServerSocketChannel server;
    private final Handler handler;
    private final Scheduler scheduler;
    private final Optional<UserPrincipal> owner;
    private final Semaphore slots = new Semaphore(MAX_CONCURRENT);
    private final Thread acceptor;
    private volatile boolean closed;

    private IpcServer(Path socketPath, ServerSocketChannel server, Handler handler, Scheduler scheduler,
            Optional<UserPrincipal> owner) {
        this.socketPath = socketPath;
        this.server = server;
        this.handler = handler;
        this.scheduler = scheduler;
        this.owner = owner;
        this.acceptor = Thread.ofPlatform().name("imelab-ipc").daemon(true).unstarted(this::acceptLoop);
    }

    /**
     * Binds the socket and starts accepting.
     *
     * @throws AlreadyRunningException when another daemon answers on the socket
     * @throws IOException when the socket cannot be created (the message says where and why)
     */
    public static IpcServer start(Path socketPath, Handler handler, Scheduler scheduler) throws IOException {
        Path abs = socketPath.toAbsolutePath();
        int len = abs.toString().getBytes(StandardCharsets.UTF_8).length;
        if (len > MAX_SOCKET_PATH_BYTES) {
            throw new IOException("The IPC socket path " + abs + " is " + len + " bytes long; the OS allows "
                    + MAX_SOCKET_PATH_BYTES + ". Use a shorter data home (--home or IMELAB_HOME).");
        }
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        refuseIfRunning(abs);
        Files.deleteIfExists(abs); // a stale socket left by a daemon that died
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(abs));
            if (posix) {
                Files.setPosixFilePermissions(abs, PosixFilePermissions.fromString("rw-------"));
            }
            Optional<UserPrincipal> owner = Optional.of(Files.getOwner(abs));
            IpcServer s = new IpcServer(abs, server, handler, scheduler, owner);
            s.acceptor.start();
            return s;
        } catch (IOException | RuntimeException e) {
            server.close();
            Files.deleteIfExists(abs);
            throw e;
        }
    }

    /**
     * Fails when another daemon answers on the socket. {@link #start} checks it too; a daemon calls
     * this first so that it starts nothing (a lab gateway, an enrollment) a running one already owns.
     *
     * @throws AlreadyRunningException when another daemon answers
     */
    public static void refuseIfRunning(Path socketPath) throws AlreadyRunningException {
        Path abs = socketPath.toAbsolutePath();
        if (Files.exists(abs) && answers(abs)) {
            throw new AlreadyRunningException("Another imelab daemon is already listening on " + abs);
        }
    }

    /** Another daemon is running. */
    public static final class AlreadyRunningException extends IOException {
        private static final long serialVersionUID = 1L;

        AlreadyRunningException(String message) {
            super(message);
        }
    }

    public Path socketPath() {
        return socketPath;
    }

    private static boolean answers(Path socket) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                log.error("Accepting on {} failed", socketPath, e);
                continue;
            }
            if (!slots.tryAcquire()) {
                reply(ch, IpcResponse.refused("Busy: too many requests at once; try again"));
                closeQuietly(ch);
                continue;
            }
            Thread.ofVirtual().name("imelab-ipc-caller").start(() -> {
                try {
                    serve(ch);
                } finally {
                    slots.release();
                    closeQuietly(ch);
                }
            });
        }
    }

    private void serve(SocketChannel ch) {
        Optional<String> stranger = strangerOf(ch);
        if (stranger.isPresent()) {
            ime.warn("[IPC] Refused a request from user {}: only {} and root may ask this agent", stranger.get(),
                    owner.map(UserPrincipal::getName).orElse("?"));
            reply(ch, IpcResponse.refused("Refused: user " + stranger.get() + " may not ask this agent"));
            return;
        }
        // a caller that connects and says nothing is cut off, so it cannot hold a slot forever
        Cancellable deadline = scheduler.schedule("IPC request timeout", REQUEST_TIMEOUT, () -> closeQuietly(ch));
        IpcWire.Line line;
        try {
            // ISO-8859-1 keeps every byte of a bad request visible in the refusal
            line = IpcWire.readLine(ch, IpcWire.MAX_REQUEST, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return; // timed out or the caller went away: nothing was asked
        } finally {
            deadline.cancel();
        }
        IpcResponse response = switch (line) {
            case IpcWire.Line.Incomplete i -> null;
            case IpcWire.Line.TooLong t -> refuse("a request longer than " + IpcWire.MAX_REQUEST + " bytes");
            case IpcWire.Line.Text t -> IpcVerb.fromWire(t.value())
                    .map(this::dispatch)
                    .orElseGet(() -> refuse("unknown request " + MonikerUrl.show(t.value())));
        };
        if (response != null) {
            reply(ch, response);
        }
    }

    private IpcResponse refuse(String what) {
        ime.warn("[IPC] Refused {}; accepted: syncapp, synccompliance, sync, status", what);
        return IpcResponse.refused("Refused " + what + "; the agent accepts syncapp, synccompliance, sync, status");
    }

    private IpcResponse dispatch(IpcVerb verb) {
        try {
            IpcResponse r = handler.handle(verb);
            return r == null ? IpcResponse.refused("The agent had no answer to " + verb.wire()) : r;
        } catch (RuntimeException e) {
            log.error("IPC handler failed for {}", verb, e);
            return IpcResponse.refused("The agent failed to handle " + verb.wire() + ": " + e);
        }
    }

    /** The caller's user name when the OS says it is neither our user nor root. */
    private Optional<String> strangerOf(SocketChannel ch) {
        try {
            if (owner.isEmpty() || !ch.supportedOptions().contains(ExtendedSocketOptions.SO_PEERCRED)) {
                return Optional.empty(); // Windows: the folder's ACL is the guard
            }
            UnixDomainPrincipal peer = ch.getOption(ExtendedSocketOptions.SO_PEERCRED);
            String name = peer.user().getName();
            if (name.equals(owner.get().getName()) || name.equals("root")) {
                return Optional.empty();
            }
            return Optional.of(name);
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of("<unknown: " + e.getMessage() + ">");
        }
    }

    private static void reply(SocketChannel ch, IpcResponse response) {
        try {
            ByteBuffer out = ByteBuffer.wrap(IpcWire.encode(response));
            while (out.hasRemaining()) {
                ch.write(out);
            }
        } catch (IOException e) {
            // the caller left before the answer; nothing more to do
        }
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // closing is best effort here
        }
    }

    /** Stops accepting and removes the socket file. */
    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        try {
            acceptor.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(socketPath);
    }
}
