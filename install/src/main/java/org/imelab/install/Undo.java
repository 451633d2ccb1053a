package org.imelab.install;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How to reverse one applied {@link InstallStep}. Undo records are plain data (records), written
 * into the install manifest, so that {@code imelab uninstall} can reverse an install made by an
 * earlier process. Each record kind is registered with {@link ManifestCodec}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
public interface Undo {

    /** Reverses the change; throws when it cannot (the caller reports and keeps the record). */
    void revert(StepContext ctx);

    /**
     * Combines this record (from an earlier install) with the record of a re-apply in a later
     * install. The earlier record knows the state before imelab; the newer one knows what is on
     * disk now. The default keeps the earlier record.
     */
    default Undo mergeNewer(Undo newer) {
        return this;
    }
}
