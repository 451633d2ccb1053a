package org.imelab.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.imelab.agent.logging.AgentLogging;
import org.imelab.agent.win32app.content.ContentLocation;
import org.imelab.agent.win32app.content.ContentService;
import org.imelab.agent.win32app.content.ContentStager;
import org.imelab.agent.win32app.content.ContentUnavailableException;
import org.imelab.agent.win32app.engine.AppFaults;
import org.imelab.agent.win32app.engine.EngineSettings;
import org.imelab.agent.win32app.engine.Win32AppEngine;
import org.imelab.agent.win32app.engine.Win32AppServices;
import org.imelab.agent.win32app.exec.InstallerRunner;
import org.imelab.agent.win32app.report.ReportingManager;
import org.imelab.agent.win32app.rules.DetectionEvaluator;
import org.imelab.agent.win32app.rules.DeviceFacts;
import org.imelab.agent.win32app.rules.OsArchitecture;
import org.imelab.agent.win32app.rules.RequirementEvaluator;
import org.imelab.agent.win32app.rules.ScriptHost;
import org.imelab.agent.win32app.rules.UninstallKeyMsiProducts;
import org.imelab.agent.win32app.rules.WindowsPaths;
import org.imelab.gateway.content.ContentDecryptor;
import org.imelab.gateway.content.SafeUnzipper;
import org.imelab.gateway.protocol.win32.Detection;
import org.imelab.gateway.protocol.win32.DetectionRule;
import org.imelab.gateway.protocol.win32.PolicySet;
import org.imelab.gateway.protocol.win32.Win32AppPolicy;
import org.imelab.logs.ime.ImeLogLayout;
import org.imelab.logs.ime.ImeLogs;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.file.FileRegistry;
import org.imelab.registry.ime.ImeRegistry;
import org.imelab.registry.ime.LogLimits;
import org.imelab.registry.ime.Scope;
import org.imelab.registry.ime.Win32AppKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Issue 7's figure: the engine's share of a check-in with 200 required apps, all installed,
 * already detected and unchanged, over the file registry the agent uses (wrapped to count reads and
 * writes) with the IME log files written as the agent writes them. No gateway: the policies are
 * the parsed answer, so the figure is the agent's own time.
 * <ul>
 * <li>{@code unchangedCheckin}: an ordinary check-in inside the 8 h re-evaluation interval; the aim
 *     is zero registry writes and well under 250 ms;</li>
 * <li>{@code reevaluationCheckin}: every check-in is a re-evaluation (the clock jumps 8 h each
 *     time): all 200 apps are detected again (a registry rule each), nothing changes, and only the
 *     subgraphs' re-evaluation times are written;</li>
 * <li>{@code referenceReadStates}: reading the 200 apps' recorded states and nothing else, the
 *     least a check-in that looks at every app must do; figures are ratios to it.</li>
 * </ul>
 * Reads and writes per check-in are printed after each iteration.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class Win32CheckinBenchmark {
    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    @Param({"200"})
    int apps;

    private Path dir;
    private FileRegistry fileRegistry;
    private CountingRegistry registry;
    private ImeRegistry ime;
    private ImeLogs logs;
    private MovableClock clock;
    private Win32AppEngine engine;
    private PolicySet policies;
    private List<Win32AppKey> keys;
    private long checkins;

    /** The bench's clock: still, unless a benchmark moves it. */
    static final class MovableClock implements InstantSource {
        volatile Instant now = T0;

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("imelab-win32checkin");
        fileRegistry = new FileRegistry(dir.resolve("registry"));
        logs = AgentLogging.current().startImeLogs(AgentLogging.imeLogSettings(dir.resolve("Logs"),
                ImeLogLayout.DEFAULT, LogLimits.DEFAULTS, Clock.systemUTC()));
        List<Win32AppPolicy> list = new ArrayList<>();
        keys = new ArrayList<>();
        for (int i = 0; i < apps; i++) {
            String id = String.format("b%07d-0000-4000-8000-000000000000", i);
            String keyPath = "HKLM\\SOFTWARE\\ImelabBench\\App" + i;
            // installed before the agent first looks: detected at once, never installed by the bench
            fileRegistry.put(RegPath.parse(keyPath), "Version", new RegValue.Sz("1.0." + i));
            list.add(Win32AppPolicy.builder(id, "Bench app " + i, 1)
                    .detectionRules(List.of(DetectionRule.of(new Detection.Registry(keyPath, "Version", false, 1, 0,
                            null))))
                    .installCommandLine("sh install.sh")
                    .uninstallCommandLine("sh uninstall.sh")
                    .setUpFilePath("install.sh")
                    .build());
            keys.add(Win32AppKey.of(id, 1));
        }
        policies = new PolicySet(list, List.of());
        registry = new CountingRegistry(fileRegistry);
        ime = new ImeRegistry(registry);
        clock = new MovableClock();
        engine = engine();
        String first = engine.process(policies);
        if (!first.contains(apps + " installed")) {
            throw new IllegalStateException("setup check-in: " + first);
        }
        clock.now = T0.plus(Duration.ofHours(1));
        String second = engine.process(policies);
        if (!second.endsWith("all unchanged")) {
            throw new IllegalStateException("second check-in: " + second);
        }
        registry.reset();
    }

    private Win32AppEngine engine() {
        WindowsPaths paths = WindowsPaths.emulated(dir.resolve("device"), Map.of("PATH", "/usr/bin:/bin"), true);
        ScriptHost scripts = new ScriptHost(dir.resolve("scripts"), false, paths.environment(), Duration.ofMinutes(1));
        DeviceFacts facts = new BenchDeviceFacts();
        UninstallKeyMsiProducts msi = new UninstallKeyMsiProducts(registry);
        EngineSettings settings = new EngineSettings(dir.resolve("Incoming"), dir.resolve("IMECache"), ZoneOffset.UTC,
                Duration.ofMinutes(1), paths.environment());
        ContentService noContent = new ContentService() {
            @Override
            public ContentLocation contentInfo(Win32AppPolicy policy, Scope scope) throws ContentUnavailableException {
                throw new ContentUnavailableException("the bench's apps are all installed; nothing is downloaded", null);
            }

            @Override
            public void download(ContentLocation location, Path target) throws IOException {
                throw new IOException("the bench's apps are all installed; nothing is downloaded");
            }
        };
        Win32AppServices services = new Win32AppServices(ime,
                new DetectionEvaluator(registry, paths, msi, scripts, facts),
                new RequirementEvaluator(facts, registry, paths, msi, scripts),
                new ContentStager(noContent, settings.incomingDir(), settings.imeCacheDir(), new ContentDecryptor(),
                        new SafeUnzipper()),
                InstallerRunner.forThisMachine(), new ReportingManager(results -> { }), AppFaults.NONE, clock,
                settings, () -> java.time.Instant.EPOCH, (delay, reason) -> {
                    throw new java.io.IOException("a benchmark never restarts the machine");
                });
        return new Win32AppEngine(services);
    }

    @Benchmark
    public String unchangedCheckin() {
        checkins++;
        return engine.process(policies);
    }

    @Benchmark
    public String reevaluationCheckin() {
        checkins++;
        clock.now = clock.now.plus(Duration.ofHours(8)).plusSeconds(1);
        return engine.process(policies);
    }

    @Benchmark
    public int referenceReadStates() {
        checkins++;
        int found = 0;
        for (Win32AppKey k : keys) {
            found += ime.win32Apps().read(Scope.DEVICE, k).isPresent() ? 1 : 0;
        }
        return found;
    }

    @TearDown(Level.Iteration)
    public void perCheckin() {
        if (checkins > 0) {
            System.out.printf("%n  registry per check-in: %.1f reads, %.1f writes (%d check-ins)%n",
                    registry.reads.sum() / (double) checkins, registry.writes.sum() / (double) checkins, checkins);
        }
        registry.reset();
        checkins = 0;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        logs.close();
        fileRegistry.close();
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** A typical x64 PC; requirements are not what the bench measures. */
    private static final class BenchDeviceFacts implements DeviceFacts {
        @Override
        public OsArchitecture osArchitecture() {
            return OsArchitecture.X64;
        }

        @Override
        public Optional<String> osVersion() {
            return Optional.of("10.0.26100.2605");
        }

        @Override
        public long freeSystemDiskBytes() {
            return 100L << 30;
        }

        @Override
        public long physicalMemoryBytes() {
            return 16L << 30;
        }

        @Override
        public int logicalProcessorCount() {
            return 8;
        }

        @Override
        public OptionalLong cpuSpeedMhz() {
            return OptionalLong.of(3000);
        }
    }
}
