package org.imelab.agent.device;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.imelab.agent.sync.CheckinObserver;
import org.imelab.agent.sync.CheckinResult;
import org.imelab.agent.sync.CheckinTrigger;
import org.imelab.agent.sync.CheckinTriggers;
import org.imelab.agent.time.Cancellable;
import org.imelab.agent.time.Scheduler;

/**
 * After each check-in, arms one wake-up at the earliest time the Win32 app engine has work due (a
 * retry five minutes on, a deadline, a subgraph re-evaluation), so a retry does not wait for the
 * 60-minute timer. The due times themselves are persisted by the engine; this only wakes it up.
 */
public final class WorkloadWakeUps implements CheckinObserver {
    private final Scheduler scheduler;
    private final Supplier<Optional<Instant>> nextDue;
    private final Supplier<CheckinTriggers> triggers;
    private Cancellable armed;
    private Instant armedFor;

    public WorkloadWakeUps(Scheduler scheduler, Supplier<Optional<Instant>> nextDue, Supplier<CheckinTriggers> triggers) {
        this.scheduler = scheduler;
        this.nextDue = nextDue;
        this.triggers = triggers;
    }

    @Override
    public synchronized void checkinFinished(CheckinResult result) {
        Optional<Instant> due = nextDue.get();
        if (due.isEmpty() || due.get().equals(armedFor)) {
            return;
        }
        if (armed != null) {
            armed.cancel();
        }
        armedFor = due.get();
        armed = scheduler.scheduleAt("win32app-due", due.get(), () -> triggers.get().request(CheckinTrigger.WORKLOAD_DUE));
    }

    /** The wake-up currently armed, for status and tests. */
    public synchronized Optional<Instant> armedFor() {
        return Optional.ofNullable(armedFor);
    }
}
