package org.imelab.registry.tree;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.imelab.registry.Hive;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;
import org.imelab.registry.RegistryException;
import org.imelab.registry.Wow64;

/**
 * A registry held as a tree in this process. Every change goes through {@link #apply}, which
 * validates the whole batch, hands it to {@link #persist} (the file backend makes it durable
 * there) and only then changes the tree, so readers never see a change that is not stored.
 */
public abstract class TreeRegistry implements Registry {
    protected final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    protected final Map<Hive, KeyNode> roots = new EnumMap<>(Hive.class);

    protected TreeRegistry() {
        for (Hive h : Hive.values()) {
            roots.put(h, new KeyNode(h.longName()));
        }
    }

    /** Makes a validated batch durable before it becomes visible. Physical (64-bit) paths only. */
    protected abstract void persist(List<RegOp> physicalOps);

    /** Called under the read or write lock before each operation; the file backend catches up here. */
    protected void refresh() {
    }

    @Override
    public Optional<RegValue> get(RegPath key, String name) {
        return read(() -> {
            KeyNode n = find(Wow64.physical(key));
            return n == null ? Optional.<RegValue>empty() : Optional.ofNullable(n.value(name));
        });
    }

    @Override
    public Map<String, RegValue> values(RegPath key) {
        return read(() -> {
            KeyNode n = find(Wow64.physical(key));
            return n == null ? Map.<String, RegValue>of() : n.values();
        });
    }

    @Override
    public List<String> subKeys(RegPath key) {
        return read(() -> {
            KeyNode n = find(Wow64.physical(key));
            return n == null ? List.<String>of() : n.childNames();
        });
    }

    @Override
    public boolean exists(RegPath key) {
        return read(() -> find(Wow64.physical(key)) != null);
    }

    @Override
    public void createKey(RegPath key) {
        apply(List.of(new RegOp.CreateKey(key)));
    }

    @Override
    public void put(RegPath key, String name, RegValue value) {
        apply(List.of(new RegOp.Put(key, name, value)));
    }

    @Override
    public boolean deleteValue(RegPath key, String name) {
        lock.writeLock().lock();
        try {
            refresh();
            KeyNode n = find(Wow64.physical(key));
            if (n == null || n.value(name) == null) {
                return false;
            }
            apply(List.of(new RegOp.DeleteValue(key, name)));
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public boolean deleteTree(RegPath key) {
        lock.writeLock().lock();
        try {
            refresh();
            if (find(Wow64.physical(key)) == null) {
                return false;
            }
            apply(List.of(new RegOp.DeleteTree(key)));
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void apply(List<RegOp> ops) {
        List<RegOp> physical = ops.stream().map(TreeRegistry::physical).toList();
        for (RegOp op : physical) {
            if (op instanceof RegOp.DeleteTree d && d.key().isRoot()) {
                throw new RegistryException("Refusing to delete a hive root: " + d.key(),
                        RegistryException.ERROR_ACCESS_DENIED, null);
            }
        }
        lock.writeLock().lock();
        try {
            refresh();
            persist(physical);
            for (RegOp op : physical) {
                mutate(op);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Applies one physical op to the tree, without persisting it (used when replaying a store). */
    protected void mutate(RegOp op) {
        switch (op) {
            case RegOp.CreateKey c -> findOrCreate(c.key());
            case RegOp.Put p -> findOrCreate(p.key()).putValue(p.name(), p.value());
            case RegOp.DeleteValue d -> {
                KeyNode n = find(d.key());
                if (n != null) {
                    n.removeValue(d.name());
                }
            }
            case RegOp.DeleteTree t -> {
                KeyNode parent = find(t.key().parent());
                if (parent != null) {
                    parent.removeChild(t.key().name());
                }
            }
        }
    }

    protected KeyNode find(RegPath physicalPath) {
        KeyNode n = roots.get(physicalPath.hive());
        for (String s : physicalPath.segments()) {
            n = n.child(s);
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    protected KeyNode findOrCreate(RegPath physicalPath) {
        KeyNode n = roots.get(physicalPath.hive());
        for (String s : physicalPath.segments()) {
            n = n.childOrCreate(s);
        }
        return n;
    }

    /** Drops every key, e.g. before a reload from disk. */
    protected void clearTree() {
        for (Hive h : Hive.values()) {
            roots.put(h, new KeyNode(h.longName()));
        }
    }

    private static RegOp physical(RegOp op) {
        return switch (op) {
            case RegOp.CreateKey c -> new RegOp.CreateKey(Wow64.physical(c.key()));
            case RegOp.Put p -> new RegOp.Put(Wow64.physical(p.key()), p.name(), p.value());
            case RegOp.DeleteValue d -> new RegOp.DeleteValue(Wow64.physical(d.key()), d.name());
            case RegOp.DeleteTree t -> new RegOp.DeleteTree(Wow64.physical(t.key()));
        };
    }

    private <T> T read(java.util.function.Supplier<T> body) {
        // refresh() may reload state, so it needs the write lock; plain reads share the read lock.
        if (needsRefresh()) {
            lock.writeLock().lock();
            try {
                refresh();
                return body.get();
            } finally {
                lock.writeLock().unlock();
            }
        }
        lock.readLock().lock();
        try {
            return body.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Whether reads must call {@link #refresh()} first (the file backend: when another process wrote). */
    protected boolean needsRefresh() {
        return false;
    }
}
