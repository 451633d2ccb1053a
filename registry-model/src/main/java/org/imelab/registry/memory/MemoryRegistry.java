package org.imelab.registry.memory;

import java.util.List;
import org.imelab.registry.RegOp;
import org.imelab.registry.tree.TreeRegistry;

/** A registry that lives and dies with the process: for tests and dry runs. */
public final class MemoryRegistry extends TreeRegistry {
    @Override
    protected void persist(List<RegOp> physicalOps) {
        // nothing to store
    }
}
