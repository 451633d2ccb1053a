package org.imelab.gateway.lab;

import java.util.Map;
import java.util.Optional;
import org.imelab.gateway.protocol.win32.Intent;
import org.imelab.gateway.protocol.win32.TargetType;

/**
 * Decides whether, and how, an app is assigned to a device or to a user on it, the way the admin
 * center's assignments work: an exclusion that matches wins; among the including assignments the
 * strongest intent wins (required, then uninstall, then available); available only reaches users,
 * as Intune allows available assignments to user groups only. A user session sees the user's
 * apps and the device's; a userless session only the device's.
 */
public final class LabTargeting {
    private final Map<String, LabGroup> groups;

    public LabTargeting(Map<String, LabGroup> groups) {
        this.groups = groups;
    }

    /** How an app reaches this device/user, if it does. */
    public record Resolved(Intent intent, TargetType targetType, LabAssignment assignment) {
    }

    public Optional<Resolved> resolve(LabApp app, DeviceContext ctx) {
        boolean sideCar = app.windows() instanceof LabApp.Source.SideCar;
        for (LabAssignment a : app.assignments()) {
            if (a.exclude() && (matchesDevice(a.target(), ctx) || matchesUser(a.target(), ctx))) {
                return Optional.empty();
            }
        }
        Resolved best = null;
        for (LabAssignment a : app.assignments()) {
            if (a.exclude()) {
                continue;
            }
            boolean viaDevice = matchesDevice(a.target(), ctx);
            boolean viaUser = matchesUser(a.target(), ctx);
            if (!viaDevice && !viaUser) {
                continue;
            }
            if (!sideCar && a.intent() == Intent.AVAILABLE && !viaUser) {
                continue;
            }
            TargetType type = viaDevice && viaUser ? TargetType.BOTH : viaDevice ? TargetType.DEVICE : TargetType.USER;
            Resolved r = new Resolved(a.intent(), type, a);
            if (best == null || rank(r.intent()) > rank(best.intent())) {
                best = r;
            } else if (rank(r.intent()) == rank(best.intent()) && r.targetType() != best.targetType()) {
                best = new Resolved(best.intent(), TargetType.BOTH, best.assignment());
            }
        }
        return Optional.ofNullable(best);
    }

    private static int rank(Intent intent) {
        if (intent == null) {
            return 0;
        }
        return switch (intent) {
            case REQUIRED -> 3;
            case UNINSTALL -> 2;
            case AVAILABLE -> 1;
            case NOT_TARGETED -> 0;
        };
    }

    private boolean matchesDevice(LabTarget target, DeviceContext ctx) {
        return switch (target) {
            case LabTarget.AllDevices a -> true;
            case LabTarget.Device d -> d.deviceId().equalsIgnoreCase(ctx.deviceId());
            case LabTarget.DeviceName n -> ctx.deviceName() != null && n.deviceName().equalsIgnoreCase(ctx.deviceName());
            case LabTarget.Group g -> groups.containsKey(g.groupId())
                    && groups.get(g.groupId()).members().stream().anyMatch(m -> m.isDeviceTarget() && matchesDevice(m, ctx));
            case LabTarget.AllUsers a -> false;
            case LabTarget.User u -> false;
        };
    }

    private boolean matchesUser(LabTarget target, DeviceContext ctx) {
        if (ctx.userId() == null) {
            return false;
        }
        return switch (target) {
            case LabTarget.AllUsers a -> true;
            case LabTarget.User u -> u.objectId().equalsIgnoreCase(ctx.userId());
            case LabTarget.Group g -> groups.containsKey(g.groupId())
                    && groups.get(g.groupId()).members().stream().anyMatch(m -> !m.isDeviceTarget() && matchesUser(m, ctx));
            default -> false;
        };
    }
}
