package org.imelab.agent.win32app.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.imelab.agent.win32app.graph.AppRef;
import org.imelab.agent.win32app.state.AppStateTable;
import org.imelab.gateway.protocol.DotNetDate;
import org.imelab.gateway.protocol.PayloadFormatException;
import org.imelab.gateway.protocol.SideCarJson;
import org.imelab.gateway.protocol.report.AppResult;
import org.imelab.registry.ime.ComplianceStateMessage;
import org.imelab.registry.ime.EnforcementStateMessage;
import org.imelab.registry.ime.ImeCode;
import org.imelab.registry.ime.PendingReportStore;
import org.imelab.registry.ime.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ReportingManager's part: logs each change of an app's reported state as the agent does
 * ({@code ... has been updated. Report delta: {...}}), and batches the results of a subgraph into
 * one {@code Win32AppResult} report. A result is kept from the moment it is queued until the service
 * takes it: in memory, and (when given a {@link PendingReportStore}) under imelab's registry key, so a
 * report the gateway did not accept is sent again at the next check-in, even after a restart.
 */
public final class ReportingManager {
    private static final Logger LOG = LoggerFactory.getLogger("ime.AppWorkload");

    private final ResultReporter reporter;
    private final List<AppResult> pending = new ArrayList<>();
    private final Optional<PendingReportStore> store;
    private final SideCarJson json = new SideCarJson();

    /** Results wait in memory only (a restart forgets the undelivered ones). */
    public ReportingManager(ResultReporter reporter) {
        this.reporter = Objects.requireNonNull(reporter, "reporter");
        this.store = Optional.empty();
    }

    /** Results wait in the registry too; the ones an earlier run left there are sent at the next flush. */
    public ReportingManager(ResultReporter reporter, PendingReportStore store) {
        this.reporter = Objects.requireNonNull(reporter, "reporter");
        this.store = Optional.of(store);
        for (PendingReportStore.Pending p : store.all()) {
            try {
                pending.add(json.read(p.report(), AppResult.class));
            } catch (PayloadFormatException e) {
                // not ours to send any more; its text stays in the log, so nothing is lost silently
                LOG.warn("[Win32App][ReportingManager] Dropping a stored result of app {} that cannot be read ({}): {}",
                        p.appId(), e.getMessage(), p.report());
                store.removeDelivered(List.of(p));
            }
        }
        if (!pending.isEmpty()) {
            LOG.info("[Win32App][ReportingManager] {} app result(s) from an earlier run wait for the service.",
                    pending.size());
        }
    }

    /** Logs the deltas between what was recorded and the new row. */
    public void logDeltas(AppRef app, Optional<ComplianceStateMessage> oldCompliance,
            Optional<EnforcementStateMessage> oldEnforcement, AppStateTable.Row row) {
        ComplianceStateMessage before = oldCompliance.orElse(null);
        ComplianceStateMessage after = row.compliance();
        ObjectNode applicability = delta("ApplicabilityState", before == null ? null : before.applicability(),
                after.applicability());
        if (applicability != null) {
            LOG.info("[Win32App][ReportingManager] Applicability state for app with id: {} has been updated. "
                    + "Report delta: {}", app.appId(), applicability);
        }
        ObjectNode desired = delta("DesiredState", before == null ? null : before.desiredState(), after.desiredState());
        if (desired != null) {
            LOG.info("[Win32App][ReportingManager] Desired state for app with id: {} has been updated. Report delta: {}",
                    app.appId(), desired);
        }
        ObjectNode compliance = delta("ComplianceState", before == null ? null : before.complianceState(),
                after.complianceState());
        if (compliance != null) {
            LOG.info("[Win32App][ReportingManager] Compliance state for app with id: {} has been updated. "
                    + "Report delta: {}", app.appId(), compliance);
        }
        if (row.enforcement().isPresent()) {
            EnforcementStateMessage old = oldEnforcement.orElse(null);
            EnforcementStateMessage now = row.enforcement().get();
            ObjectNode execution = JsonNodeFactory.instance.objectNode();
            ObjectNode state = delta("EnforcementState", old == null ? null : old.enforcementState(),
                    now.enforcementState());
            if (state != null) {
                execution.setAll(state);
            }
            Integer oldCode = old == null ? null : old.errorCode();
            if (!Objects.equals(oldCode, now.errorCode())) {
                ObjectNode code = execution.putObject("EnforcementErrorCode");
                putNumber(code, "OldValue", oldCode);
                putNumber(code, "NewValue", now.errorCode());
            }
            if (!execution.isEmpty()) {
                LOG.info("[Win32App][ReportingManager] Execution state for app with id: {} has been updated. "
                        + "Report delta: {}", app.appId(), execution);
            }
        }
    }

    /** Queues the app's result for the next {@link #flush}. */
    public void queue(AppRef app, Scope scope, AppStateTable.Row row, Optional<EnforcementStateMessage> enforcement,
            Instant now) {
        ComplianceStateMessage c = row.compliance();
        var wireCompliance = new org.imelab.gateway.protocol.report.ComplianceStateMessage(code(c.applicability()),
                code(c.complianceState()), code(c.desiredState()), c.errorCode(), code(c.targetingMethod()),
                code(c.installContext()), code(c.targetType()), c.productVersion(), c.assignmentFilterIds());
        var wireEnforcement = enforcement.map(e -> new org.imelab.gateway.protocol.report.EnforcementStateMessage(
                code(e.enforcementState()), e.errorCode(), code(e.targetingMethod()))).orElse(null);
        AppResult result = new AppResult(app.appId(), app.version(), scope.id(), row.detection().code(),
                wireCompliance, wireEnforcement, DotNetDate.of(now));
        synchronized (pending) {
            pending.removeIf(r -> r.appId().equals(app.appId()) && r.userId().equals(scope.id()));
            pending.add(result);
            store.ifPresent(s -> s.put(stored(result)));
        }
    }

    private PendingReportStore.Pending stored(AppResult r) {
        return new PendingReportStore.Pending(new Scope(r.userId()), r.appId(), json.write(r));
    }

    /** Sends what is queued; on failure it stays queued. Returns how many results were delivered. */
    public int flush() {
        List<AppResult> batch;
        synchronized (pending) {
            if (pending.isEmpty()) {
                return 0;
            }
            batch = List.copyOf(pending);
        }
        try {
            reporter.send(batch);
        } catch (ReportNotDeliveredException e) {
            LOG.warn("[Win32App][ReportingManager] Report of {} app result(s) not delivered, kept for the next "
                    + "check-in: {}", batch.size(), e.getMessage());
            return 0;
        }
        synchronized (pending) {
            pending.removeAll(batch);
            store.ifPresent(s -> s.removeDelivered(batch.stream().map(this::stored).toList()));
        }
        LOG.info("[Win32App][ReportingManager] Sent {} app result(s) to the service.", batch.size());
        return batch.size();
    }

    public int pendingCount() {
        synchronized (pending) {
            return pending.size();
        }
    }

    private static Integer code(ImeCode c) {
        return c == null ? null : c.code();
    }

    private static ObjectNode delta(String field, Enum<?> before, Enum<?> after) {
        if (Objects.equals(before, after)) {
            return null;
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode d = root.putObject(field);
        if (before == null) {
            d.putNull("OldValue");
        } else {
            d.put("OldValue", before.name());
        }
        if (after == null) {
            d.putNull("NewValue");
        } else {
            d.put("NewValue", after.name());
        }
        return root;
    }

    private static void putNumber(ObjectNode o, String name, Integer v) {
        if (v == null) {
            o.putNull(name);
        } else {
            o.put(name, v);
        }
    }
}
