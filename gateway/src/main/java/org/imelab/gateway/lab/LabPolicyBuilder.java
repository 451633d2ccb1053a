package org.imelab.gateway.lab;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.imelab.gateway.lab.graph.GraphWin32LobApp;
import org.imelab.gateway.protocol.RequestContentType;
import org.imelab.gateway.protocol.SideCarJson;
import org.imelab.gateway.protocol.win32.FlatDependency;
import org.imelab.gateway.protocol.win32.Intent;
import org.imelab.gateway.protocol.win32.StartDeadlineEx;
import org.imelab.gateway.protocol.win32.TargetType;
import org.imelab.gateway.protocol.win32.Win32AppPolicy;
import org.imelab.gateway.protocol.win32.Win32AppPolicyParser;
import org.imelab.gateway.protocol.win32.Win32AppPolicyValidator;

/**
 * Builds the "Get policies" answer for one session: the apps targeted at the device (and the
 * session's user), the apps they depend on (as not-targeted dependencies, Intent 0), each in the
 * device's platform form, filtered by what was asked ({@code GetAvailableApp}: available apps;
 * {@code GetSelectedApp}: the apps marked for the ESP).
 */
public final class LabPolicyBuilder {
    private final SideCarJson json;
    private final Win32AppPolicyParser parser;
    private final Win32AppPolicyValidator validator = new Win32AppPolicyValidator();

    public LabPolicyBuilder(SideCarJson json) {
        this.json = json;
        this.parser = new Win32AppPolicyParser(json);
    }

    public List<ServedPolicy> policies(LabDefinition def, DeviceContext ctx, RequestContentType request) {
        LabTargeting targeting = new LabTargeting(def.groups());
        Map<String, LabTargeting.Resolved> targeted = new LinkedHashMap<>();
        for (LabApp app : def.apps()) {
            targeting.resolve(app, ctx).ifPresent(r -> targeted.put(app.id(), r));
        }
        List<String> chosen = new ArrayList<>();
        for (LabApp app : def.apps()) {
            LabTargeting.Resolved r = targeted.get(app.id());
            if (r == null) {
                continue;
            }
            boolean wanted = switch (request) {
                case GET_AVAILABLE_APP -> intentOf(app, r, ctx) == Intent.AVAILABLE;
                case GET_SELECTED_APP -> app.esp();
                default -> true;
            };
            if (wanted) {
                chosen.add(app.id());
            }
        }
        // dependencies the chosen apps need, in a stable order, as not-targeted policies
        Set<String> included = new HashSet<>(chosen);
        List<String> dependencies = new ArrayList<>();
        Deque<String> queue = new ArrayDeque<>(chosen);
        while (!queue.isEmpty()) {
            LabApp app = def.app(queue.poll()).orElseThrow();
            for (GraphWin32LobApp.Relationship rel : app.relationships()) {
                if (included.add(rel.childId())) {
                    dependencies.add(rel.childId());
                    queue.add(rel.childId());
                }
            }
        }
        List<ServedPolicy> out = new ArrayList<>();
        for (String id : chosen) {
            out.add(build(def, def.app(id).orElseThrow(), Optional.of(targeted.get(id)), ctx));
        }
        for (String id : dependencies) {
            LabTargeting.Resolved own = targeted.get(id);
            out.add(build(def, def.app(id).orElseThrow(), Optional.ofNullable(own), ctx));
        }
        return out;
    }

    /** The answer's JSON array: typed policies in the service's exact form, verbatim ones as written. */
    public String write(List<ServedPolicy> policies) {
        StringBuilder b = new StringBuilder("[");
        for (ServedPolicy p : policies) {
            if (b.length() > 1) {
                b.append(',');
            }
            switch (p) {
                case ServedPolicy.Typed t -> b.append(json.write(t.policy()));
                case ServedPolicy.Verbatim v -> b.append(v.node().toString());
            }
        }
        return b.append(']').toString();
    }

    private static Intent intentOf(LabApp app, LabTargeting.Resolved r, DeviceContext ctx) {
        if (r.intent() != null) {
            return r.intent();
        }
        if (app.sourceFor(ctx.windows()) instanceof LabApp.Source.SideCar s && s.node().path("Intent").isInt()) {
            return Intent.of(s.node().get("Intent").intValue()).orElse(null);
        }
        return null;
    }

    private ServedPolicy build(LabDefinition def, LabApp app, Optional<LabTargeting.Resolved> resolved,
                               DeviceContext ctx) {
        return switch (app.sourceFor(ctx.windows())) {
            case LabApp.Source.Converted c -> new ServedPolicy.Typed(withFaults(app,
                    converted(def, app, c.template(), resolved)));
            case LabApp.Source.SideCar s -> sideCar(app, withFaults(app, s.node()), resolved.isEmpty());
        };
    }

    /** The device-side faults travel in the lab-only policy field; an app without faults is served untouched. */
    private static Win32AppPolicy withFaults(LabApp app, Win32AppPolicy policy) {
        return app.faults().policyExtension().map(f -> {
            Map<String, com.fasterxml.jackson.databind.JsonNode> ext = new LinkedHashMap<>(policy.unknownFields());
            ext.put(LabFaults.POLICY_FIELD, f);
            return policy.withExtensions(ext);
        }).orElse(policy);
    }

    private static ObjectNode withFaults(LabApp app, ObjectNode node) {
        return app.faults().policyExtension().map(f -> {
            ObjectNode copy = node.deepCopy();
            copy.set(LabFaults.POLICY_FIELD, f);
            return copy;
        }).orElse(node);
    }

    private Win32AppPolicy converted(LabDefinition def, LabApp app, Win32AppPolicy template,
                                     Optional<LabTargeting.Resolved> resolved) {
        Win32AppPolicy.Builder b = template.toBuilder();
        if (resolved.isEmpty()) {
            b.intent(Intent.NOT_TARGETED).targetType(TargetType.NONE).targeted(0);
        } else {
            LabTargeting.Resolved r = resolved.get();
            LabAssignment a = r.assignment();
            b.intent(r.intent()).targetType(r.targetType());
            StartDeadlineEx schedule = app.schedule() != null ? app.schedule()
                    : a.startDeadline() != null ? a.startDeadline() : StartDeadlineEx.NONE;
            b.startDeadlineEx(schedule);
            if (a.reboot() != null) {
                b.rebootEx(a.reboot());
            }
            if (a.toastState() != null) {
                b.toastState(a.toastState());
            }
            if (a.doPriority() != null) {
                b.doPriority(a.doPriority());
            }
        }
        b.flatDependencies(flatten(def, app));
        return b.build();
    }

    /** The app's dependency subgraph as the service flattens it: every edge below the app, with its depth. */
    private static List<FlatDependency> flatten(LabDefinition def, LabApp root) {
        if (root.relationships().isEmpty()) {
            return null;
        }
        List<FlatDependency> edges = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(root.id()));
        record Step(LabApp app, int level) {
        }
        Deque<Step> queue = new ArrayDeque<>(List.of(new Step(root, 0)));
        while (!queue.isEmpty()) {
            Step s = queue.poll();
            for (GraphWin32LobApp.Relationship r : s.app().relationships()) {
                edges.add(new FlatDependency(r.action(), s.app().id(), r.childId(), 0, s.level()));
                if (seen.add(r.childId())) {
                    def.app(r.childId()).ifPresent(child -> queue.add(new Step(child, s.level() + 1)));
                }
            }
        }
        return edges;
    }

    private ServedPolicy sideCar(LabApp app, ObjectNode node, boolean dependencyOnly) {
        ObjectNode served = node;
        if (dependencyOnly) {
            served = node.deepCopy();
            served.put("Intent", Intent.NOT_TARGETED.code());
            served.put("TargetType", TargetType.NONE.code());
        }
        try {
            Win32AppPolicy typed = parser.bind(served);
            List<String> problems = validator.problems(typed);
            if (problems.isEmpty()) {
                return new ServedPolicy.Typed(typed);
            }
            return new ServedPolicy.Verbatim(app.id(), served, String.join("; ", problems));
        } catch (JsonMappingException e) {
            return new ServedPolicy.Verbatim(app.id(), served, SideCarJson.oneLine(e));
        }
    }
}
