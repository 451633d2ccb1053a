package org.imelab.agent.win32app.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.imelab.agent.session.UserSession;
import org.imelab.agent.sync.CheckinRequest;
import org.imelab.agent.sync.Win32AppWorkload;
import org.imelab.agent.win32app.graph.AppRef;
import org.imelab.agent.win32app.graph.Subgraph;
import org.imelab.agent.win32app.graph.SubgraphBuilder;
import org.imelab.agent.win32app.schedule.DeadlineWindow;
import org.imelab.agent.win32app.schedule.ReevaluationSchedule;
import org.imelab.gateway.protocol.win32.PolicySet;
import org.imelab.gateway.protocol.win32.Win32AppPolicy;
import org.imelab.registry.ime.RetryState;
import org.imelab.registry.ime.Scope;

/**
 * The Win32 app workload of a check-in: what {@code SideCarCheckin} hands the served policies to.
 * It processes them for its scope ({@link V3Processor}) and tells the daemon when it next has
 * something to do on its own ({@link #nextDue()}: a retry, a start time or deadline, a subgraph's
 * re-evaluation, which is also when an expired GRS is looked at), so the schedule can wake up then.
 *
 * <p>Everything that must survive a restart is in the registry: a new engine over the same
 * registry resumes retries, GRS and schedules where the old one left them.
 */
public final class Win32AppEngine implements Win32AppWorkload {
    private final Win32AppServices services;
    private final Scope scope;
    private final V3Processor processor;
    private final UserSession user;
    private volatile PolicySet lastPolicies = PolicySet.empty();

    public Win32AppEngine(Win32AppServices services, Scope scope) {
        this.services = Objects.requireNonNull(services, "services");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.processor = new V3Processor(services);
        this.user = null;
    }

    /**
     * A logged-on user's processing: the user's scope ({@code Win32Apps\{userObjectId}}), the
     * user-context installers run as that user in the user's session.
     */
    public Win32AppEngine(Win32AppServices services, UserSession user) {
        this.services = Objects.requireNonNull(services, "services");
        this.user = Objects.requireNonNull(user, "user");
        this.scope = Scope.user(user.entraUser().orElseThrow(() -> new IllegalArgumentException(
                "Account " + user.account() + " is not signed in as an Entra user")));
        this.processor = new V3Processor(services, user);
    }

    /** Device (userless) processing. */
    public Win32AppEngine(Win32AppServices services) {
        this(services, Scope.DEVICE);
    }

    @Override
    public String process(PolicySet policies, CheckinRequest request) {
        return process(policies);
    }

    /** One check-in's processing; returns the console line, e.g. {@code 3 app(s): 1 installed, 2 unchanged}. */
    public synchronized String process(PolicySet policies) {
        // a user's check-in also serves the device's apps; the system-context ones are the device's
        policies = scope.isDevice() ? policies : UserScopePolicies.forUser(policies);
        lastPolicies = policies;
        V3Processor.Summary summary = processor.process(policies, scope);
        String line = summary.line();
        // results the service did not take before (this run or an earlier one) go again now,
        // even when no subgraph had anything to do; nothing waiting costs nothing
        services.reporting().flush();
        services.deviceRestarts().afterPass(summary.restarts()); // after the reports: they say why
        return line;
    }

    /** The policies of the last check-in, as the engine received them. */
    public PolicySet lastPolicies() {
        return lastPolicies;
    }

    public Scope scope() {
        return scope;
    }

    /** The logged-on user this engine processes for; empty for the device. */
    public Optional<UserSession> user() {
        return Optional.ofNullable(user);
    }

    /**
     * The earliest moment this engine has work of its own for the policies it last saw: a persisted
     * retry, a scheduled assignment's start or deadline, or a subgraph's next re-evaluation (where an
     * expired GRS is enforced again). Empty when nothing is pending. The daemon's schedule checks in
     * at that time (or at its regular interval, whichever comes first).
     */
    public Optional<Instant> nextDue() {
        Instant now = services.clock().instant();
        Map<String, Win32AppPolicy> byId = V3Processor.usable(lastPolicies);
        List<Instant> candidates = new ArrayList<>();
        for (Win32AppPolicy p : byId.values()) {
            AppRef a = new AppRef(p.id(), p.version());
            services.ime().retries().read(scope, a.key()).map(RetryState::nextRetryTimeUtc).ifPresent(candidates::add);
            DeadlineWindow.of(p.startDeadlineEx(), services.settings().deviceZone()).nextChange(now)
                    .ifPresent(candidates::add);
        }
        SubgraphBuilder.Result graphs = SubgraphBuilder.build(
                byId.values().stream().map(p -> new AppRef(p.id(), p.version())).toList(),
                V3Processor.relations(byId.values()));
        for (Subgraph g : graphs.subgraphs()) {
            Duration interval = V3Processor.interval(g.order(), byId);
            services.ime().reevaluation().lastReevaluation(scope, g.hash())
                    .map(t -> ReevaluationSchedule.nextDue(t, interval)).ifPresent(candidates::add);
        }
        return candidates.stream().min(Instant::compareTo);
    }

    /** Records an install request for an available app (Company Portal's "Install"); the next check-in serves it. */
    public void requestInstall(String appId) {
        services.availableRequests().request(scope, appId, services.clock().instant());
    }
}
