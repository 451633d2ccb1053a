package org.imelab.bench;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.imelab.agent.daemon.AgentConfig;
import org.imelab.agent.daemon.EmsAgent;
import org.imelab.agent.ipc.IpcClient;
import org.imelab.agent.ipc.IpcVerb;
import org.imelab.agent.sync.CheckinObserver;
import org.imelab.agent.sync.CheckinOutcome;
import org.imelab.agent.sync.CheckinRequest;
import org.imelab.agent.sync.CheckinResult;
import org.imelab.agent.time.ExecutorScheduler;
import org.imelab.registry.memory.MemoryRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Issue 3's figure "check-in latency from moniker to the start of processing": from the moment
 * {@code imelab moniker}'s verb leaves for the daemon's socket until the daemon's check-in thread
 * starts the check-in (the JVM start of the short-lived {@code imelab moniker} process is not
 * included; it is the same for any Java CLI). The reference is the floor of the transport: one
 * line over a Unix domain socket to a server that answers at once.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MonikerLatencyBenchmark {

    /** A running daemon with a check-in handler that does nothing. */
    @State(Scope.Benchmark)
    public static class Daemon {
        Path home;
        ExecutorScheduler scheduler;
        EmsAgent agent;
        IpcClient client;
        final SynchronousQueue<CheckinRequest> started = new SynchronousQueue<>();
        final SynchronousQueue<CheckinResult> finished = new SynchronousQueue<>();

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            home = Files.createTempDirectory("imelab-bench");
            scheduler = new ExecutorScheduler("bench-timer", Clock.systemUTC());
            AgentConfig config = AgentConfig.defaults(home.resolve("run").resolve("imelab.sock"))
                    .withStartDelayMax(Duration.ZERO);
            agent = new EmsAgent(config, new MemoryRegistry(), scheduler, r -> CheckinOutcome.success("bench"),
                    RandomGenerator.getDefault());
            agent.addObserver(new CheckinObserver() {
                @Override
                public void checkinStarted(CheckinRequest r) {
                    hand(started, r);
                }

                @Override
                public void checkinFinished(CheckinResult r) {
                    hand(finished, r);
                }
            });
            agent.start();
            started.take(); // the service-start check-in
            finished.take();
            client = new IpcClient(config.ipcSocket(), Duration.ofSeconds(10));
        }

        @TearDown(Level.Invocation)
        public void awaitCheckinEnd() throws InterruptedException {
            // each invocation starts with an idle agent, so each moniker causes its own check-in
            finished.take();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            agent.stop();
            scheduler.close();
        }

        private static <T> void hand(SynchronousQueue<T> q, T item) {
            try {
                q.put(item);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A Unix-socket server that answers one line at once. */
    @State(Scope.Benchmark)
    public static class Echo {
        ServerSocketChannel server;
        Path socket;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            socket = Files.createTempDirectory("imelab-bench-echo").resolve("echo.sock");
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread.ofPlatform().daemon(true).start(this::loop);
        }

        private void loop() {
            ByteBuffer in = ByteBuffer.allocate(64);
            ByteBuffer out = ByteBuffer.wrap("{\"ok\":true}\n".getBytes());
            while (server.isOpen()) {
                try (SocketChannel c = server.accept()) {
                    in.clear();
                    c.read(in);
                    out.rewind();
                    c.write(out);
                } catch (IOException e) {
                    return;
                }
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            server.close();
            Files.deleteIfExists(socket);
        }
    }

    /** Moniker verb sent until the check-in thread has started the check-in. */
    @Benchmark
    public CheckinRequest monikerToCheckinStart(Daemon d) throws Exception {
        d.client.send(IpcVerb.SYNCAPP);
        return d.started.take();
    }

    /** Reference: connect, one line, one answer, over the same kind of socket. */
    @Benchmark
    public int referenceSocketRoundTrip(Echo e) throws IOException {
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(UnixDomainSocketAddress.of(e.socket));
            c.write(ByteBuffer.wrap("syncapp\n".getBytes()));
            return c.read(ByteBuffer.allocate(64));
        }
    }
}
