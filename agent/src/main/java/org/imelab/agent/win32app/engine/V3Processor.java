package org.imelab.agent.win32app.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.imelab.agent.session.UserSession;
import org.imelab.agent.win32app.graph.AppRef;
import org.imelab.agent.win32app.graph.Relation;
import org.imelab.agent.win32app.graph.Subgraph;
import org.imelab.agent.win32app.graph.SubgraphBuilder;
import org.imelab.agent.win32app.lifecycle.AppEvent;
import org.imelab.agent.win32app.lifecycle.AppFacts;
import org.imelab.registry.ime.Intent;
import org.imelab.agent.win32app.lifecycle.AppResult;
import org.imelab.agent.win32app.lifecycle.AppState;
import org.imelab.agent.win32app.schedule.DeadlineWindow;
import org.imelab.agent.win32app.schedule.ReevaluationSchedule;
import org.imelab.gateway.protocol.win32.FlatDependency;
import org.imelab.gateway.protocol.win32.InstallEx;
import org.imelab.gateway.protocol.win32.PolicySet;
import org.imelab.gateway.protocol.win32.Win32AppPolicy;
import org.imelab.registry.ime.Applicability;
import org.imelab.registry.ime.ComplianceState;
import org.imelab.registry.ime.DesiredState;
import org.imelab.registry.ime.ImeTime;
import org.imelab.registry.ime.RetryState;
import org.imelab.registry.ime.Scope;
import org.imelab.registry.ime.SubgraphHash;
import org.imelab.registry.ime.Win32AppRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The V3Processor: one check-in's apps for one scope, subgraph by subgraph, children first. Decides
 * per subgraph whether it is looked at (new apps, a due retry, an install request, a schedule, or
 * the re-evaluation interval), reads the GRS, runs each app's {@link AppPass}, then saves the GRS,
 * {@code LastHashValue} and the re-evaluation time, and sends the subgraph's reports.
 */
final class V3Processor {
    private static final Logger LOG = LoggerFactory.getLogger("ime.AppWorkload");

    /**
     * The outcomes of one check-in, for the console line and the tests. {@code changed} holds the
     * apps whose state changed or whose installer ran (a retry that asks for another retry changes
     * nothing in the registry, yet the user watching wants to see it was attempted).
     */
    record Summary(Map<String, AppState> changed, int unchanged, List<DeviceRestartRequests.Ask> restarts) {
        String line() {
            if (changed.isEmpty()) {
                return unchanged + " app(s), all unchanged";
            }
            Map<AppState, Integer> counts = new LinkedHashMap<>();
            changed.values().forEach(s -> counts.merge(s, 1, Integer::sum));
            StringBuilder b = new StringBuilder().append(changed.size() + unchanged).append(" app(s): ");
            counts.forEach((s, n) -> b.append(n).append(' ').append(s.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .append(", "));
            return b.append(unchanged).append(" unchanged").toString();
        }
    }

    private final Win32AppServices s;
    private final GrsManager grs;
    private final ReevaluationScheduleManager reevaluation;
    /** The logged-on user whose scope this processor works for; null for the device's. */
    private final UserSession user;

    V3Processor(Win32AppServices s) {
        this(s, null);
    }

    V3Processor(Win32AppServices s, UserSession user) {
        this.s = s;
        this.user = user;
        this.grs = new GrsManager(s.ime().grs());
        this.reevaluation = new ReevaluationScheduleManager(s.ime().reevaluation());
    }

    Summary process(PolicySet policies, Scope scope) {
        Map<String, Win32AppPolicy> byId = usable(policies);
        SubgraphBuilder.Result graphs = SubgraphBuilder.build(
                byId.values().stream().map(p -> new AppRef(p.id(), p.version())).toList(), relations(byId.values()));
        graphs.rejected().forEach((ids, why) -> LOG.warn("[Win32App][V3Processor] Subgraph with app ids: {} is not "
                + "processed: {}", String.join(", ", ids), why));
        LOG.info("[Win32App][V3Processor] Processing {} subgraphs.", graphs.subgraphs().size());
        CheckinTally tally = new CheckinTally();
        PendingReboots reboots = new PendingReboots(s.bootTime().lastBoot());
        for (Subgraph g : graphs.subgraphs()) {
            processSubgraph(g, byId, scope, tally, reboots);
        }
        LOG.info("[Win32App][V3Processor] Done processing {} subgraphs.", graphs.subgraphs().size());
        return tally.summary();
    }

    /** The policies the engine can process; WinGet apps and policies without an id or version are left out. */
    static Map<String, Win32AppPolicy> usable(PolicySet policies) {
        Map<String, Win32AppPolicy> out = new LinkedHashMap<>();
        for (Win32AppPolicy p : policies.accepted()) {
            if (p.id() == null || p.version() == null || p.intent() == null || !knownIntent(p.intent())) {
                LOG.warn("[Win32App][V3Processor] Skipping policy {}: it has no Id, Version or known Intent.", p.id());
            } else if (p.isWinGetApp()) {
                LOG.info("[Win32App][V3Processor] App with id: {} is a WinGet app; imelab does not process those.", p.id());
            } else {
                out.put(p.id().toLowerCase(Locale.ROOT), p);
            }
        }
        return out;
    }

    private static boolean knownIntent(int code) {
        return Intent.ofCode(code).isPresent();
    }

    /** The intent of a policy that passed {@link #knownIntent}. */
    private static Intent intentOf(int code) {
        return Intent.ofCode(code).orElseThrow(() -> new IllegalArgumentException("Unknown Intent " + code));
    }

    static List<Relation> relations(java.util.Collection<Win32AppPolicy> policies) {
        Set<Relation> out = new LinkedHashSet<>();
        for (Win32AppPolicy p : policies) {
            if (p.flatDependencies() != null) {
                for (FlatDependency d : p.flatDependencies()) {
                    if (d != null && d.appId() != null && d.childId() != null) {
                        out.add(new Relation(d.appId().toLowerCase(Locale.ROOT), d.childId().toLowerCase(Locale.ROOT),
                                d.action()));
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private void processSubgraph(Subgraph g, Map<String, Win32AppPolicy> byId, Scope scope,
            CheckinTally tally, PendingReboots reboots) {
        LOG.info("[Win32App][V3Processor] Processing subgraph with app ids: {}", g.appIdList());
        Instant now = s.clock().instant();
        List<AppRef> order = g.order();
        List<AppRef> active = order.stream().filter(a -> !excludedByFilter(byId.get(a.appId()))).toList();
        if (active.isEmpty()) {
            LOG.info("[Win32App][V3Processor] All apps in the subgraph are not applicable due to assignment filters. "
                    + "Skipping processing.");
            LOG.info("[Win32App][V3Processor] Done processing subgraph.");
            return;
        }
        SubgraphHash hash = g.hash();
        Map<AppRef, Optional<Win32AppRecord>> records = new HashMap<>();
        Map<AppRef, Optional<RetryState>> retries = new HashMap<>();
        Map<AppRef, Boolean> requested = new HashMap<>();
        for (AppRef a : active) {
            records.put(a, s.ime().win32Apps().read(scope, a.key()));
            retries.put(a, s.ime().retries().read(scope, a.key()));
            Intent intent = intentOf(byId.get(a.appId()).intent());
            requested.put(a, intent == Intent.AvailableInstall
                    && s.availableRequests().requested(scope, a.appId()).isPresent());
        }
        Optional<Instant> last = reevaluation.previous(scope, hash);
        Duration interval = interval(active, byId);
        boolean due = reevaluation.isDue(last, interval, now);
        boolean fresh = active.stream().anyMatch(a -> records.get(a).isEmpty());
        boolean retryDue = active.stream().anyMatch(a -> retries.get(a).map(r -> !r.nextRetryTimeUtc().isAfter(now))
                .orElse(false));
        boolean asked = requested.containsValue(true);
        boolean scheduled = active.stream().anyMatch(a -> awaitingSchedule(byId.get(a.appId()), records.get(a)));
        boolean intentChanged = active.stream().anyMatch(a -> intentChanged(byId.get(a.appId()), records.get(a)));
        // a result waiting for a restart is looked at once the device restarted, whatever the interval
        boolean restarted = active.stream().anyMatch(a -> reboots.restartedSince(records.get(a)));
        if (!(due || fresh || retryDue || asked || scheduled || intentChanged || restarted)) {
            Optional<Instant> waiting = active.stream().flatMap(a -> retries.get(a).stream())
                    .map(RetryState::nextRetryTimeUtc).min(Instant::compareTo);
            if (waiting.isPresent()) {
                LOG.info("[Win32App][V3Processor] Subgraph is waiting for a retry due at {} UTC.",
                        ImeTime.format(waiting.get()));
            } else {
                reevaluation.logNotExpired(last.orElse(now), interval);
            }
            tally.unchanged(active.size());
            LOG.info("[Win32App][V3Processor] Done processing subgraph.");
            return;
        }

        // a successor left out by its assignment filter installs nothing, so it replaces nothing
        DesiredStates desired = new DesiredStates(DesiredStates.within(relations(byId.values()), order), byId,
                a -> active.contains(a) && installWanted(byId.get(a.appId()), requested.getOrDefault(a, false)),
                DesiredStates.requirementsMet(s));
        Map<String, Set<String>> needs = desired.dependencies();
        LOG.info("[Win32App][ActionProcessor] Calculating desired states for all subgraphs. The computed desired "
                + "states may be overridden as resolution continues.");
        desired.logPlan(active);
        boolean availableSubgraph = active.stream()
                .anyMatch(a -> intentOf(byId.get(a.appId()).intent()) == Intent.AvailableInstall && requested.get(a));
        Map<String, AppPass.Outcome> outcomes = new HashMap<>();
        Map<String, AppPass> passes = new HashMap<>();
        Set<String> skipped = new LinkedHashSet<>();
        List<String> toGrs = new ArrayList<>();
        for (AppRef a : active) {
            Win32AppPolicy policy = byId.get(a.appId());
            if (UserlessCheckin.leavesToUser(scope, policy)) {
                if (UserlessCheckin.record(s, policy, a, scope, records.get(a))) {
                    tally.changed(a.appId(), AppState.NOT_APPLICABLE);
                } else {
                    tally.unchanged(1);
                }
                continue;
            }
            Optional<RetryState> retry = retries.get(a);
            if (retry.isPresent() && retry.get().nextRetryTimeUtc().isAfter(now)) {
                LOG.info("[Win32App] App with id: {} waits for retry {} at {} UTC.", a.appId(),
                        retry.get().retryCount(), ImeTime.format(retry.get().nextRetryTimeUtc()));
                skipped.add(a.appId());
                tally.unchanged(1);
                continue;
            }
            DesiredStates.Blocking blocking = desired.blocking(a, outcomes, skipped);
            if (blocking.kind() == DesiredStates.Kind.WAIT) {
                LOG.info("[Win32App] App with id: {} waits for its dependencies.", a.appId());
                skipped.add(a.appId());
                tally.unchanged(1);
                continue;
            }
            Intent intent = intentOf(policy.intent());
            boolean dependencyOnly = intent == Intent.NotTargeted;
            boolean wanted = requested.get(a);
            if (dependencyOnly) {
                // a dependency is installed for the apps that need it: on request when they are available
                List<AppRef> parents = active.stream().filter(p -> needs.getOrDefault(p.appId(), Set.of())
                        .contains(a.appId())).toList();
                boolean onlyAvailableParents = !parents.isEmpty() && parents.stream()
                        .allMatch(p -> intentOf(byId.get(p.appId()).intent()) == Intent.AvailableInstall);
                if (onlyAvailableParents) {
                    intent = Intent.AvailableInstall;
                    wanted = parents.stream().anyMatch(requested::get);
                }
            }
            AppFacts.GrsStatus grsStatus = grs.status(scope, hash, a,
                    availableSubgraph || (intent == Intent.AvailableInstall && wanted), now);
            InstallEx ex = policy.installEx() == null ? new InstallEx(null, null, null, null, null, null, null)
                    : policy.installEx();
            AppFacts facts = new AppFacts(intent, wanted,
                    DeadlineWindow.of(policy.startDeadlineEx(), s.settings().deviceZone()).position(now), grsStatus,
                    retry.map(RetryState::retryCount).orElse(0), ex.maxRetriesOrDefault(),
                    Duration.ofMinutes(ex.retryIntervalMinutesOrDefault()), s.content().staged(a), Optional.empty(),
                    desired.role(a, outcomes)).withSupersededRebootPending(
                    blocking.kind() == DesiredStates.Kind.SUPERSEDED_UNINSTALL_SOFT_REBOOT);
            facts = facts.withPendingReboot(reboots.of(a.appId(), records.get(a), facts.uninstalling()));
            AppPass pass = new AppPass(s, policy, a, scope, dependencyOnly, records.get(a), retry.isPresent(), facts,
                    blocking.errorCode(), user);
            if (blocking.kind() == DesiredStates.Kind.SUPERSEDED_UNINSTALL_SOFT_REBOOT) {
                LOG.info("[Win32App] App with id: {} is installed while the uninstall of its superseded app is pending a "
                        + "device restart.", a.appId());
            }
            if (blocking.kind().blocker != null) {
                LOG.info("[Win32App] App with id: {} will not be installed in this pass: {}.", a.appId(),
                        blocking.kind().why);
            }
            AppPass.Outcome outcome = blocking.kind().blocker != null
                    ? pass.run(AppState.NEW, new AppEvent.DependencyBlocked(blocking.kind().blocker))
                    : retry.isPresent() ? pass.run(AppState.WAITING_RETRY, new AppEvent.RetryDue())
                    : pass.run(AppState.NEW, new AppEvent.Begin());
            outcomes.put(a.appId(), outcome);
            passes.put(a.appId(), pass);
            DeviceRestartRequests.of(policy, outcome, pass.executed()).ifPresent(tally::restart);
            if (outcome.result().orElse(null) == AppResult.SUPERSEDING_APPS_DETECTED) {
                amendSuccessors(desired.updatedBy(a), passes, outcomes, tally);
            }
            if (outcome.state() == AppState.WAITING_FOR_SUPERSEDED) {
                skipped.add(a.appId()); // the subgraph is not done until the superseded app is gone
            }
            s.catalog().put(scope, a.key(), new AppCatalog.Entry(policy.name() == null ? "" : policy.name(),
                    policy.intent(), policy.reevaluationMinutesOrDefault()));
            if (outcome.enteredGrs()) {
                toGrs.add(a.appId());
            }
            if (workedOn(outcome, pass)) {
                tally.changed(a.appId(), outcome.state());
            } else {
                tally.unchanged(1);
            }
            if (wanted && intentOf(policy.intent()) == Intent.AvailableInstall && outcome.state() != AppState.WAITING_RETRY) {
                s.availableRequests().clear(scope, a.appId());
            }
        }
        grs.save(scope, hash, toGrs, now);
        for (AppRef a : active) {
            if (outcomes.containsKey(a.appId())
                    && !s.ime().reporting().lastHashValue(scope, a.appId()).equals(Optional.of(hash))) {
                s.ime().reporting().putLastHashValue(scope, a.appId(), hash);
            }
        }
        if (skipped.isEmpty()) {
            reevaluation.saveEvaluation(scope, hash, now);
        }
        s.reporting().flush();
        LOG.info("[Win32App][V3Processor] Done processing subgraph.");
    }

    /** Whether the console line counts the app as changed: its state changed or its installer ran. */
    private static boolean workedOn(AppPass.Outcome outcome, AppPass pass) {
        return outcome.stateChanged() || pass.executed();
    }

    /** Installed successors of an updated app that is still detected say so: 1015 (SuccessSupersededAppsDetected). */
    private static void amendSuccessors(List<String> successors, Map<String, AppPass> passes,
            Map<String, AppPass.Outcome> outcomes, CheckinTally tally) {
        for (String id : successors) {
            AppPass.Outcome done = outcomes.get(id);
            if (done != null && done.state() == AppState.INSTALLED) {
                LOG.info("[Win32App] App with id: {} is installed and an app it supersedes is still detected.", id);
                AppPass.Outcome amended = passes.get(id).run(AppState.INSTALLED, new AppEvent.SupersededAppsDetected());
                outcomes.put(id, amended);
                if (amended.stateChanged()) {
                    tally.amended(id, amended.state());
                }
            }
        }
    }

    /** Whether a targeted app installs in this pass: required, or available and asked for. */
    private static boolean installWanted(Win32AppPolicy p, boolean requested) {
        Intent intent = intentOf(p.intent());
        return intent == Intent.RequiredInstall || intent == Intent.AvailableInstall && requested;
    }

    static boolean excludedByFilter(Win32AppPolicy p) {
        return p.applicabilityDueToAssignmentFilters() != null
                && p.applicabilityDueToAssignmentFilters() == Applicability.AssignmentFiltersCriteriaNotMet.code();
    }

    /** The shortest re-evaluation interval of the subgraph's apps. */
    static Duration interval(List<AppRef> apps, Map<String, Win32AppPolicy> byId) {
        return apps.stream().map(a -> ReevaluationSchedule.interval(byId.get(a.appId()).reevaluationInterval()))
                .min(Duration::compareTo).orElse(ReevaluationSchedule.DEFAULT_INTERVAL);
    }

    /** A scheduled assignment not yet installed is looked at every check-in, so its start and deadline are met. */
    private boolean awaitingSchedule(Win32AppPolicy p, Optional<Win32AppRecord> record) {
        DeadlineWindow w = DeadlineWindow.of(p.startDeadlineEx(), s.settings().deviceZone());
        if (w.start().isEmpty() && w.deadline().isEmpty()) {
            return false;
        }
        return record.flatMap(Win32AppRecord::compliance).map(c -> c.complianceState() != ComplianceState.Installed)
                .orElse(true);
    }

    /** The admin changed install to uninstall (or back): the recorded desired state says the other. */
    private static boolean intentChanged(Win32AppPolicy p, Optional<Win32AppRecord> record) {
        Optional<DesiredState> desired = record.flatMap(Win32AppRecord::compliance).map(c -> c.desiredState());
        if (desired.isEmpty()) {
            return false;
        }
        Intent intent = intentOf(p.intent());
        if (intent == Intent.NotTargeted) {
            return false; // a relative's desired state comes from its relations, not from an assignment
        }
        return switch (desired.get()) {
            case Present -> intent == Intent.RequiredUninstall;
            case NotPresent -> intent != Intent.RequiredUninstall;
            case Available -> intent != Intent.AvailableInstall;
            default -> false;
        };
    }
}
