package org.imelab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;
import org.imelab.registry.file.FileRegistry;
import org.imelab.registry.memory.MemoryRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The file registry against the in-memory one (the reference: the same tree with nothing
 * stored). Puts are durable: each {@code apply} returns once its journal record is on disk, so
 * the file figures are bound by the disk's sync latency; compaction is included as it happens.
 * Run: {@code ./bench/run FileRegistry -f 1 -wi 2 -i 3}.
 */
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class FileRegistryBenchmark {
    static final RegPath APPS = RegPath.parse("HKLM\\SOFTWARE\\Microsoft\\IntuneManagementExtension\\Win32Apps");
    static final int KEYS = 100;
    static final int NAMES = 100;

    /** The value the n-th put writes: a bounded set of keys and names, so the store stops growing. */
    static RegOp put(long n) {
        RegPath key = APPS.child("00000000-0000-0000-0000-" + String.format("%012d", n % KEYS));
        return new RegOp.Put(key, "Value" + (n / KEYS) % NAMES,
                RegValue.sz("{\"ComplianceStatus\":1,\"DesiredState\":2,\"Sequence\":" + n + "}"));
    }

    @State(Scope.Thread)
    public static class Store {
        @Param({"file", "memory"})
        public String backend;
        Registry registry;
        Path dir;
        long n;

        @Setup(Level.Trial)
        public void open() throws IOException {
            if (backend.equals("file")) {
                dir = Files.createTempDirectory("imelab-bench-registry");
                registry = new FileRegistry(dir);
            } else {
                registry = new MemoryRegistry();
            }
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            registry.close();
            deleteTree(dir);
        }
    }

    /** One durable put per call: puts per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void singlePut(Store s) {
        s.registry.apply(List.of(put(s.n++)));
    }

    /** 100 puts per apply (one journal record): puts per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(100)
    public void batchedPuts100(Store s) {
        List<RegOp> batch = new ArrayList<>(100);
        for (int i = 0; i < 100; i++) {
            batch.add(put(s.n++));
        }
        s.registry.apply(batch);
    }

    /** A store holding 100,000 values (1,000 keys of 100), compacted into its snapshot. */
    @State(Scope.Benchmark)
    public static class BigHive {
        Path dir;
        List<RegOp> ops;

        @Setup(Level.Trial)
        public void create() throws IOException {
            ops = new ArrayList<>(100_000);
            for (int k = 0; k < 1000; k++) {
                RegPath key = APPS.child("app-" + k);
                for (int v = 0; v < 100; v++) {
                    ops.add(new RegOp.Put(key, "Value" + v, v % 2 == 0
                            ? RegValue.sz("{\"ComplianceStatus\":1,\"Sequence\":" + v + "}")
                            : RegValue.dword(v)));
                }
            }
            dir = Files.createTempDirectory("imelab-bench-hive");
            try (FileRegistry reg = new FileRegistry(dir)) {
                reg.apply(ops);
                reg.compact();
            }
        }

        @TearDown(Level.Trial)
        public void delete() throws IOException {
            deleteTree(dir);
        }
    }

    /** Opening (and closing) a store of 100,000 values: read, check and parse the snapshot. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object open100kValues(BigHive h) {
        FileRegistry reg = new FileRegistry(h.dir);
        reg.close();
        return reg;
    }

    /** Reference for the open: building the same 100,000-value tree in memory from its changes. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object build100kValuesInMemory(BigHive h) {
        MemoryRegistry reg = new MemoryRegistry();
        reg.apply(h.ops);
        return reg;
    }

    static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
