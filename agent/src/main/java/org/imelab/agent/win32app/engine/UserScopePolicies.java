package org.imelab.agent.win32app.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.imelab.gateway.protocol.win32.FlatDependency;
import org.imelab.gateway.protocol.win32.InstallEx;
import org.imelab.gateway.protocol.win32.PolicySet;
import org.imelab.gateway.protocol.win32.RunAs;
import org.imelab.gateway.protocol.win32.Win32AppPolicy;
import org.imelab.registry.ime.TargetType;

/**
 * Which of a user check-in's policies the user's scope processes. A user session gets the user's
 * apps and the device's (PROTOCOL.md §2); the device's system-context apps belong to the device's
 * scope and are left to the userless check-in, while user-context apps are the user's wherever they
 * are assigned (the userless check-in marks them 1011, "processed after user logon"). The apps
 * a kept app is related to (dependencies, superseded apps) stay with it, so its subgraph is whole.
 */
final class UserScopePolicies {
    private UserScopePolicies() {
    }

    /** Whether the app installs in the user's context ({@code InstallEx.RunAs} 2). */
    static boolean userContext(Win32AppPolicy p) {
        InstallEx ex = p.installEx();
        return ex != null && ex.runAsKind().orElse(RunAs.SYSTEM) == RunAs.USER;
    }

    static PolicySet forUser(PolicySet served) {
        Set<String> kept = new LinkedHashSet<>();
        for (Win32AppPolicy p : served.accepted()) {
            if (p.id() != null && assignedToUser(p)) {
                kept.add(p.id().toLowerCase(Locale.ROOT));
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Win32AppPolicy p : served.accepted()) {
                if (p.id() == null || !kept.contains(p.id().toLowerCase(Locale.ROOT)) || p.flatDependencies() == null) {
                    continue;
                }
                for (FlatDependency d : p.flatDependencies()) {
                    if (d != null && d.childId() != null) {
                        grew |= kept.add(d.childId().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        List<Win32AppPolicy> out = new ArrayList<>();
        for (Win32AppPolicy p : served.accepted()) {
            if (p.id() != null && kept.contains(p.id().toLowerCase(Locale.ROOT))) {
                out.add(p);
            }
        }
        return new PolicySet(out, served.rejected());
    }

    /**
     * Assigned to the user, or a user-context app assigned to the device. An app the gateway sends
     * only as a relative (TargetType None) is not the user's on its own: it comes along with an app
     * that is, and otherwise stays with the device's scope.
     */
    private static boolean assignedToUser(Win32AppPolicy p) {
        Integer target = p.targetType();
        if (target == null || target == TargetType.None.code()) {
            return false;
        }
        return target != TargetType.Device.code() || userContext(p);
    }
}
