package org.imelab.agent.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.imelab.agent.testing.LogCapture;
import org.imelab.agent.time.Cancellable;
import org.imelab.agent.time.ManualScheduler;
import org.imelab.agent.time.Scheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's socket, for real, in a temporary data home. */
class IpcServerTest {
    @TempDir
    Path home;

    private final ManualScheduler manual = new ManualScheduler(Instant.parse("2026-02-02T07:00:00Z"));
    private final CountDownLatch timeoutArmed = new CountDownLatch(1);
    /** The manual scheduler, telling the test when the server armed a request timeout. */
    private final Scheduler scheduler = new Scheduler() {
        @Override
        public Cancellable schedule(String name, Duration delay, Runnable task) {
            Cancellable c = manual.schedule(name, delay, task);
            timeoutArmed.countDown();
            return c;
        }

        @Override
        public InstantSource clock() {
            return manual.clock();
        }

        @Override
        public void close() {
            manual.close();
        }
    };
    private final List<IpcVerb> handled = new CopyOnWriteArrayList<>();
    private final LogCapture log = LogCapture.ime();
    private Path socket;
    private IpcServer server;

    @BeforeEach
    void start() throws IOException {
        socket = home.resolve("run").resolve("imelab.sock");
        server = IpcServer.start(socket, verb -> {
            handled.add(verb);
            return verb == IpcVerb.STATUS
                    ? new IpcResponse(true, "running", Map.of("Next check-in", "08:00"))
                    : IpcResponse.ok("Check-in requested (" + verb.wire() + ")");
        }, scheduler);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        log.close();
    }

    private IpcClient client() {
        return new IpcClient(socket, Duration.ofSeconds(10));
    }

    @Test
    void acceptsEachKnownVerb() throws IOException {
        for (IpcVerb verb : IpcVerb.values()) {
            IpcResponse r = client().send(verb);
            assertTrue(r.ok(), r.toString());
        }
        assertEquals(List.of(IpcVerb.values()), handled);
        assertEquals(Map.of("Next check-in", "08:00"), client().send(IpcVerb.STATUS).details());
    }

    @Test
    void refusesAnythingElseAndActsOnNothing() throws IOException {
        for (String bad : List.of("SYNCAPP", "syncapp ", " syncapp", "stop", "exec rm -rf /", "sync\u0000app",
                "intunemanagementextension://syncapp", "", "status\r", "caf\u00e9")) {
            IpcResponse r = client().exchange(bad);
            assertFalse(r.ok(), bad);
            assertTrue(r.message().startsWith("Refused unknown request"), r.message());
        }
        assertTrue(handled.isEmpty());
        assertTrue(log.messages().stream().anyMatch(m -> m.startsWith("[IPC] Refused unknown request 'stop'")));
        assertTrue(log.messages().stream().anyMatch(m -> m.contains("'sync\\u0000app'")), "control characters are escaped in the log");
    }

    @Test
    void refusesAnOverlongRequest() throws IOException {
        IpcResponse r = client().exchange("sync".repeat(100));
        assertFalse(r.ok());
        assertTrue(r.message().contains("longer than 64 bytes"), r.message());
        assertTrue(handled.isEmpty());
    }

    @Test
    void cutsOffACallerThatSaysNothing() throws Exception {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            assertTrue(timeoutArmed.await(10, TimeUnit.SECONDS));
            manual.advanceBy(IpcServer.REQUEST_TIMEOUT);
            assertEquals(-1, ch.read(ByteBuffer.allocate(16)), "the daemon hangs up");
        }
        assertTrue(handled.isEmpty());
        assertTrue(client().send(IpcVerb.SYNC).ok(), "and keeps serving others");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void onlyTheOwnerCanReachTheSocket() throws IOException {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())));
    }

    @Test
    void aSecondDaemonOnTheSameHomeIsRefused() {
        IOException e = assertThrows(IpcServer.AlreadyRunningException.class,
                () -> IpcServer.start(socket, v -> IpcResponse.ok("second"), scheduler));
        assertTrue(e.getMessage().contains("already listening"));
    }

    @Test
    void aStaleSocketIsReplacedAndAClosedServerLeavesNoSocket() throws IOException {
        server.close();
        assertFalse(Files.exists(socket));
        assertThrows(DaemonNotRunningException.class, () -> client().send(IpcVerb.SYNCAPP));

        // a daemon that died leaves its socket file behind; nobody answers on it
        try (var ch = java.nio.channels.ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.bind(UnixDomainSocketAddress.of(socket));
        }
        assertTrue(Files.exists(socket));
        DaemonNotRunningException stale = assertThrows(DaemonNotRunningException.class, () -> client().send(IpcVerb.SYNCAPP));
        assertTrue(stale.getMessage().startsWith("The imelab agent is not running"), stale.getMessage());

        server = IpcServer.start(socket, v -> IpcResponse.ok("new"), scheduler);
        assertEquals("new", client().send(IpcVerb.SYNCAPP).message());
    }

    @Test
    void refusesASocketPathTheOsCannotBind() {
        Path deep = home.resolve("x".repeat(120)).resolve("imelab.sock");
        IOException e = assertThrows(IOException.class, () -> IpcServer.start(deep, v -> IpcResponse.ok(""), scheduler));
        assertTrue(e.getMessage().contains("Use a shorter data home"), e.getMessage());
    }

    @Test
    void aDaemonThatNeverAnswersIsGivenUpOnAfterTheTimeout() throws Exception {
        server.close();
        try (var silent = java.nio.channels.ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            silent.bind(UnixDomainSocketAddress.of(socket));
            IOException e = assertThrows(IOException.class,
                    () -> new IpcClient(socket, Duration.ofMillis(200)).send(IpcVerb.STATUS));
            assertTrue(e.getMessage().startsWith("The imelab agent did not answer within"), e.getMessage());
        }
        Files.deleteIfExists(socket);
        server = IpcServer.start(socket, v -> IpcResponse.ok(""), scheduler);
    }

    @Test
    void garbledAnswersAreReportedNotTrusted() throws Exception {
        server.close();
        try (var raw = java.nio.channels.ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            raw.bind(UnixDomainSocketAddress.of(socket));
            Thread.ofVirtual().start(() -> {
                try (SocketChannel c = raw.accept()) {
                    c.write(ByteBuffer.wrap("not json\n".getBytes(StandardCharsets.UTF_8)));
                } catch (IOException ignored) {
                    // the test sees the client's side
                }
            });
            assertThrows(IOException.class, () -> client().send(IpcVerb.STATUS));
        }
        Files.deleteIfExists(socket);
        server = IpcServer.start(socket, v -> IpcResponse.ok(""), scheduler);
    }
}
