package org.imelab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.imelab.agent.inventory.InstalledProgram;
import org.imelab.agent.inventory.InventoryDelta;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 5's figure: the delta of 20,000 installed entries with 1 % changed (a third added, a
 * third removed, a third upgraded). The reference is a plain copy of the list into a HashMap,
 * the least any comparison must do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class InventoryDeltaBenchmark {

    @Param({"20000"})
    int entries;

    List<InstalledProgram> baseline;
    List<InstalledProgram> current;

    @Setup
    public void setUp() {
        baseline = new ArrayList<>(entries);
        for (int i = 0; i < entries; i++) {
            baseline.add(program(i, "1.0." + i));
        }
        current = new ArrayList<>(baseline);
        int changes = entries / 100;
        for (int i = 0; i < changes; i++) {
            switch (i % 3) {
                case 0 -> current.set(i * 37 % entries, program(i * 37 % entries, "2.0"));
                case 1 -> current.add(program(entries + i, "1.0"));
                default -> current.remove(current.size() / 2);
            }
        }
    }

    static InstalledProgram program(int i, String version) {
        return new InstalledProgram("HKLM64\\{" + String.format("%08d", i) + "-0000-0000-0000-000000000000}",
                "Program " + i, version, "Publisher " + (i % 50), "", "1033", "20261122");
    }

    @Benchmark
    public InventoryDelta delta() {
        return InventoryDelta.between(baseline, current);
    }

    @Benchmark
    public java.util.Map<String, InstalledProgram> referenceCopyIntoMap() {
        java.util.HashMap<String, InstalledProgram> m = new java.util.HashMap<>(baseline.size() * 2);
        for (InstalledProgram p : baseline) {
            m.put(p.identity(), p);
        }
        return m;
    }
}
