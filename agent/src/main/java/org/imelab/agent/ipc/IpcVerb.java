package org.imelab.agent.ipc;

import java.util.Optional;

/**
 * The only requests the daemon's local socket accepts. Each is one lowercase ASCII word on the
 * wire; anything else is refused without being acted on.
 */
public enum IpcVerb {
    /** {@code intunemanagementextension://syncapp}. */
    SYNCAPP("syncapp"),
    /** {@code intunemanagementextension://synccompliance}. */
    SYNCCOMPLIANCE("synccompliance"),
    /** {@code imelab sync}. */
    SYNC("sync"),
    /** {@code imelab restart --simulate}: a check-in as after the device's boot. */
    RESTART("restart"),
    /** {@code imelab status}. */
    STATUS("status"),
    /** {@code imelab inventory --run}: an inventory now (a delta, or a full one when due). */
    INVENTORY("inventory"),
    /** {@code imelab inventory --run --full}: a full inventory now. */
    INVENTORY_FULL("inventoryfull");

    private final String wire;

    IpcVerb(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The verb spelled exactly {@code text}; no case folding, no trimming. */
    public static Optional<IpcVerb> fromWire(String text) {
        for (IpcVerb v : values()) {
            if (v.wire.equals(text)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
