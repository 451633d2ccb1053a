package org.imelab.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;

/**
 * Counts what a workload asks of a registry: reads (get, values, subKeys, exists) and writes
 * (each createKey, put, deleteValue, deleteTree, and each operation of an {@code apply}).
 */
final class CountingRegistry implements Registry {
    private final Registry inner;
    final LongAdder reads = new LongAdder();
    final LongAdder writes = new LongAdder();

    CountingRegistry(Registry inner) {
        this.inner = inner;
    }

    void reset() {
        reads.reset();
        writes.reset();
    }

    @Override
    public Optional<RegValue> get(RegPath key, String name) {
        reads.increment();
        return inner.get(key, name);
    }

    @Override
    public Map<String, RegValue> values(RegPath key) {
        reads.increment();
        return inner.values(key);
    }

    @Override
    public List<String> subKeys(RegPath key) {
        reads.increment();
        return inner.subKeys(key);
    }

    @Override
    public boolean exists(RegPath key) {
        reads.increment();
        return inner.exists(key);
    }

    @Override
    public void createKey(RegPath key) {
        writes.increment();
        inner.createKey(key);
    }

    @Override
    public void put(RegPath key, String name, RegValue value) {
        writes.increment();
        inner.put(key, name, value);
    }

    @Override
    public boolean deleteValue(RegPath key, String name) {
        writes.increment();
        return inner.deleteValue(key, name);
    }

    @Override
    public boolean deleteTree(RegPath key) {
        writes.increment();
        return inner.deleteTree(key);
    }

    @Override
    public void apply(List<RegOp> ops) {
        writes.add(ops.size());
        inner.apply(ops);
    }

    @Override
    public void close() {
        inner.close();
    }
}
