package org.imelab.install.reg;

import org.imelab.registry.RegValue;

/** A registry value as the manifest keeps it: its type code and the bytes Windows stores. */
public record StoredValue(int type, byte[] data) {

    public static StoredValue of(RegValue v) {
        return new StoredValue(v.typeCode(), v.data());
    }

    public RegValue toValue() {
        return RegValue.fromData(type, data);
    }
}
