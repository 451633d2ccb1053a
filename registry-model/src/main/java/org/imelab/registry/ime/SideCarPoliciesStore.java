package org.imelab.registry.ime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;

/**
 * {@code SideCarPolicies}: remediation run state ({@code Scripts\Execution\{user}\{policyId}_{ver}}
 * value {@code LastExecution}), the remediation result cache ({@code Scripts\Reports\{user}} value
 * {@code LastFullReportTimeUTC}, {@code \{policyId}_{ver}\Result} value {@code Result} = JSON), and
 * the Company Portal status cache ({@code StatusServiceReports\{user}\{appId}} values
 * {@code Status}, {@code AppID}).
 */
public final class SideCarPoliciesStore {
    private final Registry registry;
    private final ImeLayout layout;

    public SideCarPoliciesStore(Registry registry, ImeLayout layout) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    public Optional<Instant> lastExecution(Scope user, PolicyKey policy) {
        return RegValues.time(registry.get(layout.scriptExecution(user, policy.keyName()), ImeLayout.LAST_EXECUTION));
    }

    public void putLastExecution(Scope user, PolicyKey policy, Instant time) {
        registry.put(layout.scriptExecution(user, policy.keyName()), ImeLayout.LAST_EXECUTION,
                RegValue.sz(ImeTime.format(time)));
    }

    /** Deleting the execution key makes the remediation run again at the next evaluation. */
    public boolean deleteExecution(Scope user, PolicyKey policy) {
        return registry.deleteTree(layout.scriptExecution(user, policy.keyName()));
    }

    /** The remediations with run state for a user; other names are skipped. */
    public List<PolicyKey> executions(Scope user) {
        List<PolicyKey> out = new ArrayList<>();
        for (String name : registry.subKeys(layout.scriptExecutions(user))) {
            PolicyKey.parse(name).ifPresent(out::add);
        }
        return out;
    }

    public Optional<Instant> lastFullReportTimeUtc(Scope user) {
        return RegValues.time(registry.get(layout.scriptReports(user), ImeLayout.LAST_FULL_REPORT_TIME_UTC));
    }

    public void putLastFullReportTimeUtc(Scope user, Instant time) {
        registry.put(layout.scriptReports(user), ImeLayout.LAST_FULL_REPORT_TIME_UTC, RegValue.sz(ImeTime.format(time)));
    }

    /** The cached result JSON of a remediation, as stored. */
    public Optional<String> resultJson(Scope user, PolicyKey policy) {
        return RegValues.string(registry.get(layout.scriptResult(user, policy.keyName()), ImeLayout.RESULT));
    }

    public void putResultJson(Scope user, PolicyKey policy, String json) {
        registry.put(layout.scriptResult(user, policy.keyName()), ImeLayout.RESULT, RegValue.sz(json));
    }

    /** The status Company Portal shows for an app (e.g. {@code Installed}). */
    public Optional<String> statusServiceReport(Scope user, String appId) {
        return RegValues.string(registry.get(layout.statusServiceReport(user, Guids.require(appId, "An app id")),
                ImeLayout.STATUS));
    }

    public void putStatusServiceReport(Scope user, String appId, String status) {
        String id = Guids.require(appId, "An app id");
        var key = layout.statusServiceReport(user, id);
        registry.apply(List.of(
                new RegOp.Put(key, ImeLayout.STATUS, RegValue.sz(status)),
                new RegOp.Put(key, ImeLayout.APP_ID, RegValue.sz(id))));
    }
}
