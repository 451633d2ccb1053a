package org.imelab.agent.inventory;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inventory run, as the Win32AppInventoryCollector does it: read the installed programs,
 * decide delta or full from the cadence, upload, and only when the service accepted it move
 * the baseline forward. A failed upload leaves the baseline untouched, so the next run sends
 * everything again and nothing is lost.
 */
public final class InventoryCollector {
    private static final Logger LOG = LoggerFactory.getLogger("ime.Win32AppInventory");

    private final InstalledPrograms source;
    private final InventoryBaseline baseline;
    private final InventoryUploader uploader;
    private final InstantSource clock;

    /** What a run did. */
    public record Outcome(InventoryCadence.Kind kind, InventoryDelta delta, boolean uploaded, String error) {
    }

    public InventoryCollector(InstalledPrograms source, InventoryBaseline baseline, InventoryUploader uploader, InstantSource clock) {
        this.source = source;
        this.baseline = baseline;
        this.uploader = uploader;
        this.clock = clock;
    }

    /** The next timed run: when it is due, its kind then, and what it would send if nothing changes until then. */
    public record Preview(InventoryCadence.Kind kind, Instant due, InventoryDelta delta) {
    }

    /** What the next timed run would send, without sending it ({@code imelab inventory}). */
    public Preview nextRun() {
        Instant now = clock.instant();
        InventoryCadence.State state = baseline.cadence();
        Instant due = InventoryCadence.nextDue(state, now);
        InventoryCadence.Kind kind = InventoryCadence.due(state, due, false);
        List<InstalledProgram> current = source.list();
        return new Preview(kind, due, kind == InventoryCadence.Kind.FULL ? InventoryDelta.full(current)
                : InventoryDelta.between(baseline.load(), current));
    }

    /** What a run now would send, without sending it. */
    public InventoryDelta preview(boolean forceFull) {
        InventoryCadence.Kind kind = forceFull ? InventoryCadence.Kind.FULL
                : InventoryCadence.due(baseline.cadence(), clock.instant(), true);
        List<InstalledProgram> current = source.list();
        return kind == InventoryCadence.Kind.FULL ? InventoryDelta.full(current)
                : InventoryDelta.between(baseline.load(), current);
    }

    /**
     * Runs if the cadence says so (or always with {@code force}).
     *
     * @param atServiceStart the run that belongs to service start: at least a delta
     * @param forceFull      a full inventory regardless of the cadence
     */
    public Outcome run(boolean atServiceStart, boolean forceFull) {
        Instant now = clock.instant();
        InventoryCadence.Kind kind = forceFull ? InventoryCadence.Kind.FULL
                : InventoryCadence.due(baseline.cadence(), now, atServiceStart);
        if (kind == InventoryCadence.Kind.NONE) {
            LOG.info("[Win32AppInventory] Inventory is not due. Next run at {}.",
                    InventoryCadence.nextDue(baseline.cadence(), now));
            return new Outcome(kind, null, false, null);
        }
        LOG.info("[Win32AppInventory] Starting {} inventory.", kind == InventoryCadence.Kind.FULL ? "full" : "delta");
        List<InstalledProgram> current = source.list();
        InventoryDelta delta = kind == InventoryCadence.Kind.FULL ? InventoryDelta.full(current)
                : InventoryDelta.between(baseline.load(), current);
        LOG.info("[Win32AppInventory] Collected {} installed applications. Added: {}, changed: {}, removed: {}.",
                current.size(), delta.added().size(), delta.changed().size(), delta.removed().size());
        try {
            uploader.upload(delta);
        } catch (InventoryUploader.InventoryUploadException e) {
            LOG.error("[Win32AppInventory] Failed to send the inventory, the baseline is kept and the next run resends it: {}",
                    e.getMessage());
            return new Outcome(kind, delta, false, e.getMessage());
        }
        baseline.commit(delta, now);
        LOG.info("[Win32AppInventory] Inventory sent and saved. Entries sent: {}.", delta.size());
        return new Outcome(kind, delta, true, null);
    }
}
