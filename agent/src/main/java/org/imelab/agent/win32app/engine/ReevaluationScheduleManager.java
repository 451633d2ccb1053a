package org.imelab.agent.win32app.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.imelab.agent.win32app.schedule.ReevaluationSchedule;
import org.imelab.registry.ime.ImeTime;
import org.imelab.registry.ime.ReevaluationScheduleStore;
import org.imelab.registry.ime.Scope;
import org.imelab.registry.ime.SubgraphHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The ReevaluationScheduleManager: when a settled subgraph is looked at again. */
final class ReevaluationScheduleManager {
    private static final Logger LOG = LoggerFactory.getLogger("ime.AppWorkload");

    private final ReevaluationScheduleStore store;

    ReevaluationScheduleManager(ReevaluationScheduleStore store) {
        this.store = store;
    }

    Optional<Instant> previous(Scope scope, SubgraphHash hash) {
        Optional<Instant> last = store.lastReevaluation(scope, hash);
        last.ifPresent(t -> LOG.info("[Win32App][ReevaluationScheduleManager] Found previous subgraph reevaluation "
                + "time value: {} at key {}.", ImeTime.format(t), hash.value()));
        return last;
    }

    boolean isDue(Optional<Instant> last, Duration interval, Instant now) {
        return ReevaluationSchedule.isDue(last, interval, now);
    }

    void logNotExpired(Instant last, Duration interval) {
        LOG.info("[Win32App][ReevaluationScheduleManager] Subgraph reevaluation interval is not expired. Next "
                + "reevaluation at {}.", ImeTime.format(ReevaluationSchedule.nextDue(last, interval)));
    }

    void saveEvaluation(Scope scope, SubgraphHash hash, Instant now) {
        store.put(scope, hash, now);
    }
}
