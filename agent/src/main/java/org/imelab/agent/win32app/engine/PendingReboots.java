package org.imelab.agent.win32app.engine;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.imelab.agent.win32app.lifecycle.AppFacts.PendingReboot;
import org.imelab.registry.ime.EnforcementState;
import org.imelab.registry.ime.Win32AppRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The apps whose recorded result waits for a device restart, measured against the device's boot time
 * (the machine's, or the lab's simulated restart): 2008 InProgressPendingReboot (an install), 2011
 * InProgressUninstallPendingReboot (an uninstall) and 6010, the successor of an app removed with a hard
 * reboot code. A record written before the boot time has seen its restart: the subgraph is looked at again
 * at the next check-in, whatever its re-evaluation interval. Soft reboot results (1000/1011 with 3010) are
 * finished and wait for nothing.
 */
final class PendingReboots {
    private static final Logger LOG = LoggerFactory.getLogger("ime.AppWorkload");
    private static final Set<EnforcementState> WAITING = Set.of(EnforcementState.InProgressPendingReboot,
            EnforcementState.InProgressUninstallPendingReboot,
            EnforcementState.NotAttemptedSupersededAppUninstallPendingReboot);

    private final Instant boot;

    PendingReboots(Instant boot) {
        this.boot = boot;
    }

    /** The recorded result waits for a restart. */
    static boolean waiting(Optional<Win32AppRecord> record) {
        return state(record).map(WAITING::contains).orElse(false);
    }

    /** The recorded result waits for a restart, and the device started after it was written. */
    boolean restartedSince(Optional<Win32AppRecord> record) {
        return waiting(record) && record.flatMap(Win32AppRecord::lastUpdatedTimeUtc).map(t -> t.isBefore(boot))
                .orElse(false);
    }

    /**
     * The lifecycle's fact for an app's own pending result: an install's 2008 or an uninstall's 2011 (a record
     * of the other direction belongs to an assignment the admin changed, and is enforced anew).
     */
    PendingReboot of(String appId, Optional<Win32AppRecord> record, boolean uninstalling) {
        EnforcementState own = uninstalling ? EnforcementState.InProgressUninstallPendingReboot
                : EnforcementState.InProgressPendingReboot;
        if (state(record).orElse(null) != own) {
            return PendingReboot.NONE;
        }
        if (restartedSince(record)) {
            LOG.info("[Win32App] Device restarted since app with id: {} asked for it (boot time {}); detecting again.",
                    appId, boot);
            return PendingReboot.RESTARTED;
        }
        LOG.info("[Win32App] App with id: {} is pending a device restart (last boot time {}); its state is kept.",
                appId, boot);
        return PendingReboot.WAITING;
    }

    private static Optional<EnforcementState> state(Optional<Win32AppRecord> record) {
        return record.flatMap(Win32AppRecord::enforcement).map(e -> e.enforcementState());
    }
}
