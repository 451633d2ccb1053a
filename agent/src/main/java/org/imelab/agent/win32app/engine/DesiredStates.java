package org.imelab.agent.win32app.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.imelab.agent.win32app.graph.AppRef;
import org.imelab.agent.win32app.graph.Relation;
import org.imelab.agent.win32app.lifecycle.AppEvent.Blocker;
import org.imelab.agent.win32app.lifecycle.AppFacts.Role;
import org.imelab.agent.win32app.lifecycle.AppResult;
import org.imelab.agent.win32app.lifecycle.AppState;
import org.imelab.agent.win32app.rules.PolicyRules;
import org.imelab.gateway.protocol.win32.Win32AppPolicy;
import org.imelab.registry.ime.Intent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the relations of one subgraph make of its apps, as the IME's ActionProcessor calculates
 * desired states before it enforces: which untargeted relative is only detected, left in place,
 * or uninstalled for its successor, and what a relative's outcome means for the app after it.
 *
 * <p>The rule for supersedence (Intune: supersedence acts on a superseded app only when that app
 * is not assigned itself): an app the admin assigned follows its own assignment, whatever
 * supersedes it; only an app present solely as a relative (Intent 0) is detected, kept or
 * replaced. Likewise a dependency assigned itself is enforced by its assignment, and a dependency
 * that any app needs with "automatically install" on is installed.
 */
final class DesiredStates {
    private static final Logger LOG = LoggerFactory.getLogger("ime.AppWorkload");

    private final List<Relation> relations;
    private final Map<String, Win32AppPolicy> byId;
    private final Predicate<AppRef> installWanted;
    private final Predicate<Win32AppPolicy> applicable;

    /**
     * @param relations     the relations between the subgraph's apps
     * @param installWanted whether an app is to be installed in this pass (not filtered out; required, or available
     *                      and asked for)
     * @param applicable    the requirement check of a successor, run before its superseded app is removed
     */
    DesiredStates(List<Relation> relations, Map<String, Win32AppPolicy> byId, Predicate<AppRef> installWanted,
            Predicate<Win32AppPolicy> applicable) {
        this.relations = List.copyOf(relations);
        this.byId = byId;
        this.installWanted = installWanted;
        this.applicable = applicable;
    }

    /** The relations among {@code order}'s apps. */
    static List<Relation> within(Collection<Relation> all, List<AppRef> order) {
        Set<String> ids = new LinkedHashSet<>();
        order.forEach(a -> ids.add(a.appId()));
        return all.stream().filter(r -> ids.contains(r.parentId()) && ids.contains(r.childId())).toList();
    }

    /** Parent app id -> the ids of the apps it depends on (auto-installed or detect-only). */
    Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        relations.stream().filter(Relation::isDependency)
                .forEach(r -> out.computeIfAbsent(r.parentId(), k -> new LinkedHashSet<>()).add(r.childId()));
        return out;
    }

    /** Logs the subgraph's plan in the ActionProcessor's words: what is removed before the installs. */
    void logPlan(List<AppRef> order) {
        List<String> before = new ArrayList<>();
        List<String> install = new ArrayList<>();
        for (AppRef a : order) {
            Intent intent = intentOf(a);
            if (intent == Intent.RequiredUninstall || replacedCandidate(a)) {
                before.add(a.appId());
            } else if (intent == Intent.RequiredInstall || intent == Intent.AvailableInstall && installWanted.test(a)
                    || autoInstalledDependency(a)) {
                install.add(a.appId());
            }
        }
        LOG.info("[Win32App][ActionProcessor] Found: {} apps with intent to uninstall before enforcing installs: [{}].",
                before.size(), String.join(", ", before));
        LOG.info("[Win32App][ActionProcessor] Found: {} apps with intent to install: [{}].", install.size(),
                String.join(", ", install));
        LOG.info("[Win32App][ActionProcessor] Found: 0 apps with intent to uninstall after enforcing installs: [].");
    }

    /** The app's role in this pass, given the outcomes of the apps processed before it. */
    Role role(AppRef a, Map<String, AppPass.Outcome> outcomes) {
        if (intentOf(a) != Intent.NotTargeted) {
            return Role.ENFORCED; // assigned itself: its own assignment applies
        }
        List<Relation> asDependency = relations.stream().filter(r -> r.isDependency() && r.childId().equals(a.appId()))
                .toList();
        if (!asDependency.isEmpty()) {
            boolean detectOnly = asDependency.stream().allMatch(Relation::isDetectOnly);
            // the agent writes this line as a warning (type 2) in its log
            LOG.warn("----[Win32App] app with name = {} dependency detect only is {}", name(a),
                    detectOnly ? "True" : "False");
            return detectOnly ? Role.DETECT_ONLY_DEPENDENCY : Role.ENFORCED;
        }
        List<Relation> superseding = relations.stream()
                .filter(r -> r.isSupersedence() && r.childId().equals(a.appId())).toList();
        if (superseding.isEmpty()) {
            return Role.ENFORCED;
        }
        List<Relation> replacing = superseding.stream().filter(Relation::isReplace)
                .filter(r -> installWanted.test(ref(r.parentId()))).toList();
        if (!replacing.isEmpty()) {
            // removed only for a successor that will install: never leave the device with neither
            boolean anyApplicable = replacing.stream().anyMatch(r -> applicable.test(byId.get(r.parentId())));
            if (!anyApplicable) {
                LOG.info("[Win32App] App with id: {} is superseded (Replace), but no superseding app is applicable: "
                        + "it is left in place.", a.appId());
                return Role.SUCCESSORS_NOT_APPLICABLE;
            }
            LOG.info("[Win32App] App with id: {} is superseded (Replace) by {}: uninstalling it before its successor "
                    + "installs.", a.appId(), replacing.stream().map(Relation::parentId).toList());
            return Role.REPLACED;
        }
        boolean successorInstalled = superseding.stream().map(r -> outcomes.get(r.parentId()))
                .anyMatch(o -> o != null && o.state() == AppState.INSTALLED);
        LOG.info("[Win32App] App with id: {} is superseded by {}: detected only, not uninstalled.", a.appId(),
                superseding.stream().map(Relation::parentId).toList());
        return successorInstalled ? Role.SUPERSEDED_UPDATED : Role.SUPERSEDED_KEPT;
    }

    /** The apps that supersede this one by Update. */
    List<String> updatedBy(AppRef a) {
        return relations.stream().filter(r -> r.action() == Relation.UPDATE && r.childId().equals(a.appId()))
                .map(Relation::parentId).toList();
    }

    /** Blocking of an app by the relatives processed before it. */
    record Blocking(Kind kind, Optional<Integer> errorCode) {
        static final Blocking NONE = new Blocking(Kind.NONE, Optional.empty());
        static final Blocking WAIT = new Blocking(Kind.WAIT, Optional.empty());
    }

    /** In rising strength: the strongest of an app's relatives wins. */
    enum Kind {
        NONE(null, ""),
        /** Not a blocker: the app installs, and its success says the superseded app's restart is pending (1013). */
        SUPERSEDED_UNINSTALL_SOFT_REBOOT(null, ""),
        NOT_APPLICABLE(Blocker.DEPENDENCY_NOT_APPLICABLE, "a dependency does not meet its requirements"),
        AUTO_INSTALL_OFF(Blocker.DEPENDENCY_AUTO_INSTALL_OFF,
                "a dependency with automatically install off is not detected"),
        SUPERSEDED_UNINSTALL_PENDING(Blocker.SUPERSEDED_UNINSTALL_PENDING,
                "a superseded app waits to retry its uninstall"),
        SUPERSEDED_UNINSTALL_PENDING_REBOOT(Blocker.SUPERSEDED_UNINSTALL_PENDING_REBOOT,
                "the uninstall of a superseded app is pending a device restart"),
        FAILED(Blocker.DEPENDENCY_FAILED, "a dependency failed"),
        SUPERSEDED_UNINSTALL_FAILED(Blocker.SUPERSEDED_UNINSTALL_FAILED, "a superseded app could not be uninstalled"),
        WAIT(null, "");

        final Blocker blocker;
        final String why;

        Kind(Blocker blocker, String why) {
            this.blocker = blocker;
            this.why = why;
        }
    }

    /** What the app's dependencies and the superseded apps it replaces, processed before it, mean for it. */
    Blocking blocking(AppRef a, Map<String, AppPass.Outcome> outcomes, Set<String> skipped) {
        Blocking b = Blocking.NONE;
        for (Relation r : relations) {
            if (!r.parentId().equals(a.appId()) || !(r.isDependency() || r.isReplace())) {
                continue;
            }
            if (skipped.contains(r.childId())) {
                return Blocking.WAIT;
            }
            AppPass.Outcome o = outcomes.get(r.childId());
            if (o == null) {
                continue;
            }
            Blocking next = r.isReplace() ? replaced(o) : dependency(o);
            if (next.kind() == Kind.WAIT) {
                return next;
            }
            if (next.kind().ordinal() > b.kind().ordinal()) {
                b = next;
            }
        }
        return b;
    }

    private static Blocking dependency(AppPass.Outcome o) {
        if (o.result().orElse(null) == AppResult.NOT_ATTEMPTED_SUPERSEDED_UNINSTALL_PENDING_REBOOT) {
            return Blocking.WAIT; // the dependency installs after its superseded app's restart: its parents wait
        }
        return switch (o.state()) {
            // a missing detect-only dependency further down holds the whole chain back the same way
            case NOT_ATTEMPTED -> o.result().filter(r -> r == AppResult.NOT_ATTEMPTED_AUTO_INSTALL_OFF
                    || r == AppResult.NOT_ATTEMPTED_DEPENDENCY_AUTO_INSTALL_OFF).isPresent()
                    ? new Blocking(Kind.AUTO_INSTALL_OFF, Optional.empty()) : new Blocking(Kind.FAILED, Optional.empty());
            case FAILED, IN_GRS -> new Blocking(Kind.FAILED, Optional.empty());
            case NOT_APPLICABLE -> new Blocking(Kind.NOT_APPLICABLE, Optional.empty());
            case WAITING_RETRY, WAITING_SCHEDULE, CONTENT_CACHED, AVAILABLE, WAITING_FOR_SUPERSEDED -> Blocking.WAIT;
            default -> Blocking.NONE;
        };
    }

    /**
     * A superseded app that would not go blocks its successor; one waiting (retry, GRS) holds it back; one removed
     * with a hard reboot code holds it back until the restart (6010), one with a soft reboot code lets it install.
     */
    private static Blocking replaced(AppPass.Outcome o) {
        AppResult result = o.result().orElse(null);
        if (result == AppResult.REMOVED_BY_SUPERSEDENCE_HARD_REBOOT) {
            return new Blocking(Kind.SUPERSEDED_UNINSTALL_PENDING_REBOOT, Optional.empty());
        }
        if (result == AppResult.REMOVED_BY_SUPERSEDENCE_SOFT_REBOOT) {
            return new Blocking(Kind.SUPERSEDED_UNINSTALL_SOFT_REBOOT, Optional.empty());
        }
        return switch (o.state()) {
            case FAILED -> new Blocking(Kind.SUPERSEDED_UNINSTALL_FAILED, o.errorCode());
            case WAITING_RETRY -> new Blocking(Kind.SUPERSEDED_UNINSTALL_PENDING, Optional.empty());
            // still waiting for the restart its uninstall asked for (2011): the successor keeps waiting (6010)
            case PENDING_REBOOT -> new Blocking(Kind.SUPERSEDED_UNINSTALL_PENDING_REBOOT, Optional.empty());
            case IN_GRS -> Blocking.WAIT;
            default -> Blocking.NONE;
        };
    }

    private boolean autoInstalledDependency(AppRef a) {
        return intentOf(a) == Intent.NotTargeted && relations.stream().anyMatch(r -> r.isDependency()
                && !r.isDetectOnly() && r.childId().equals(a.appId()));
    }

    private boolean replacedCandidate(AppRef a) {
        return intentOf(a) == Intent.NotTargeted && relations.stream().noneMatch(r -> r.isDependency()
                && r.childId().equals(a.appId())) && relations.stream().anyMatch(r -> r.isReplace()
                && r.childId().equals(a.appId()) && installWanted.test(ref(r.parentId())));
    }

    private AppRef ref(String id) {
        Win32AppPolicy p = byId.get(id);
        return new AppRef(p.id(), p.version());
    }

    private Intent intentOf(AppRef a) {
        return Intent.ofCode(byId.get(a.appId()).intent()).orElse(Intent.NotTargeted);
    }

    private String name(AppRef a) {
        String n = byId.get(a.appId()).name();
        return n == null ? a.appId() : n;
    }

    /** Whether the policy's requirement rules are met (a successor checked before its predecessor is removed). */
    static Predicate<Win32AppPolicy> requirementsMet(Win32AppServices s) {
        return p -> {
            try {
                return s.requirements().evaluate(PolicyRules.requirementRules(p), PolicyRules.extendedRequirementRules(p))
                        .applicable();
            } catch (IllegalArgumentException e) {
                return false;
            }
        };
    }
}
