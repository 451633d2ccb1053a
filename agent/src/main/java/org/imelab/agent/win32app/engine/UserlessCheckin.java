package org.imelab.agent.win32app.engine;

import java.util.Optional;
import org.imelab.agent.win32app.graph.AppRef;
import org.imelab.gateway.protocol.win32.Win32AppPolicy;
import org.imelab.registry.ime.Applicability;
import org.imelab.registry.ime.ComplianceState;
import org.imelab.registry.ime.ComplianceStateMessage;
import org.imelab.registry.ime.DesiredState;
import org.imelab.registry.ime.InstallContext;
import org.imelab.registry.ime.Intent;
import org.imelab.registry.ime.Scope;
import org.imelab.registry.ime.TargetType;
import org.imelab.registry.ime.TargetingMethod;
import org.imelab.registry.ime.Win32AppRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user-context app ({@code InstallEx.RunAs} 2) met in a userless (device) check-in: not
 * evaluated, and recorded as current agents record it, {@code Applicability 1011} with
 * {@code ComplianceState 5} (ime-behaviour.md C §1.2, the observed row and the conflict note); the
 * user's own check-in processes it. DesiredState is {@code None} (inferred: nothing was decided).
 */
final class UserlessCheckin {
    private static final Logger LOG = LoggerFactory.getLogger("ime.AppWorkload");

    private UserlessCheckin() {
    }

    /** Whether the device scope leaves this app to the users' check-ins. */
    static boolean leavesToUser(Scope scope, Win32AppPolicy policy) {
        return scope.isDevice() && UserScopePolicies.userContext(policy);
    }

    /** Records the app as not evaluated; true when the recorded state changed. */
    static boolean record(Win32AppServices s, Win32AppPolicy policy, AppRef app, Scope scope,
            Optional<Win32AppRecord> recorded) {
        LOG.info("[Win32App] App with id: {} will not be evaluated as it has user install context and this is a "
                + "userless check-in.", app.appId());
        boolean dependency = policy.intent() != null && policy.intent() == Intent.NotTargeted.code();
        ComplianceStateMessage c = ComplianceStateMessage.of(Applicability.AppUnsupportedDueToUnknownReason,
                ComplianceState.Unknown, DesiredState.None, null,
                dependency ? TargetingMethod.DependencyOfEgatTargetedApplication : TargetingMethod.EgatTargetedApplication,
                InstallContext.User, dependency ? TargetType.None
                        : TargetType.ofCode(policy.targetType() == null ? TargetType.Device.code() : policy.targetType())
                                .orElse(TargetType.Device));
        s.catalog().put(scope, app.key(), new AppCatalog.Entry(policy.name() == null ? "" : policy.name(),
                policy.intent(), policy.reevaluationMinutesOrDefault()));
        if (recorded.flatMap(Win32AppRecord::compliance).equals(Optional.of(c))) {
            return false;
        }
        s.ime().win32Apps().writeCompliance(scope, app.key(), c, s.clock().instant());
        return true;
    }
}
