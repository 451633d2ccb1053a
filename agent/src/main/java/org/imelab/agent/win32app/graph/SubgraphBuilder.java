package org.imelab.agent.win32app.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Splits the policies of one check-in into subgraphs: connected components over the
 * FlatDependencies relations, each in processing order ({@link Relation#first()}: a dependency
 * before the app that needs it, a replaced app before its successor, an updated app after it).
 * A relation to an app the gateway did not send, or a cycle,
 * rejects that subgraph alone with its reason; the others are processed.
 */
public final class SubgraphBuilder {

    /** The result: subgraphs to process and the ones refused, with why. */
    public record Result(List<Subgraph> subgraphs, Map<Set<String>, String> rejected) {
    }

    private SubgraphBuilder() {
    }

    public static Result build(Collection<AppRef> apps, Collection<Relation> relations) {
        Map<String, AppRef> byId = new LinkedHashMap<>();
        for (AppRef a : apps) {
            byId.put(a.appId(), a);
        }
        // undirected adjacency for components; directed "needs" for ordering
        Map<String, Set<String>> links = new HashMap<>();
        Map<String, Set<String>> needs = new HashMap<>();
        Map<String, String> missing = new HashMap<>();
        for (String id : byId.keySet()) {
            links.put(id, new TreeSet<>());
            needs.put(id, new TreeSet<>());
        }
        for (Relation r : relations) {
            String parent = r.parentId().toLowerCase(Locale.ROOT);
            String child = r.childId().toLowerCase(Locale.ROOT);
            if (!byId.containsKey(parent)) {
                continue; // relations of apps not in this check-in do not concern it
            }
            if (!byId.containsKey(child)) {
                missing.put(parent, "related app " + child + " (action " + r.action() + ") was not sent by the gateway");
                continue;
            }
            if (!r.known()) {
                // an action this agent cannot interpret must not be guessed at: refuse the subgraph
                missing.put(parent, "relation to app " + child + " has unknown action " + r.action());
            }
            links.get(parent).add(child);
            links.get(child).add(parent);
            Relation n = new Relation(parent, child, r.action());
            needs.get(n.then()).add(n.first());
        }

        List<Subgraph> out = new ArrayList<>();
        Map<Set<String>, String> rejected = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (String start : byId.keySet()) {
            if (!seen.add(start)) {
                continue;
            }
            Set<String> component = new TreeSet<>();
            List<String> stack = new ArrayList<>(List.of(start));
            while (!stack.isEmpty()) {
                String id = stack.remove(stack.size() - 1);
                if (component.add(id)) {
                    for (String n : links.get(id)) {
                        if (seen.add(n) || !component.contains(n)) {
                            stack.add(n);
                        }
                    }
                }
            }
            String reason = component.stream().filter(missing::containsKey).map(missing::get).findFirst().orElse(null);
            if (reason != null) {
                rejected.put(component, reason);
                continue;
            }
            List<String> order = new ArrayList<>();
            String cycle = topologicalChildrenFirst(component, needs, order);
            if (cycle != null) {
                rejected.put(component, "dependency cycle through app " + cycle);
                continue;
            }
            out.add(new Subgraph(order.stream().map(byId::get).toList()));
        }
        return new Result(out, rejected);
    }

    /** Depth-first post-order; returns an app id on a cycle, else null. Deterministic (sorted ids). */
    private static String topologicalChildrenFirst(Set<String> component, Map<String, Set<String>> needs, List<String> out) {
        Map<String, Integer> mark = new HashMap<>(); // 1 = on the path, 2 = done
        for (String id : component) {
            String cycle = visit(id, needs, mark, out);
            if (cycle != null) {
                return cycle;
            }
        }
        return null;
    }

    private static String visit(String id, Map<String, Set<String>> needs, Map<String, Integer> mark, List<String> out) {
        Integer m = mark.get(id);
        if (m != null) {
            return m == 1 ? id : null;
        }
        mark.put(id, 1);
        for (String child : needs.get(id)) {
            String cycle = visit(child, needs, mark, out);
            if (cycle != null) {
                return cycle;
            }
        }
        mark.put(id, 2);
        out.add(id);
        return null;
    }
}
