package org.imelab.registry;

import java.util.Objects;

/** One change in a batch given to {@link Registry#apply}. */
public sealed interface RegOp {

    RegPath key();

    record CreateKey(RegPath key) implements RegOp {
        public CreateKey {
            Objects.requireNonNull(key, "key");
        }
    }

    record Put(RegPath key, String name, RegValue value) implements RegOp {
        public Put {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    record DeleteValue(RegPath key, String name) implements RegOp {
        public DeleteValue {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(name, "name");
        }
    }

    record DeleteTree(RegPath key) implements RegOp {
        public DeleteTree {
            Objects.requireNonNull(key, "key");
        }
    }
}
