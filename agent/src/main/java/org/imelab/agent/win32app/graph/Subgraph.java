package org.imelab.agent.win32app.graph;

import java.util.List;
import java.util.stream.Collectors;
import org.imelab.registry.ime.SubgraphHash;

/**
 * A set of apps processed together: an app with its dependencies and supersedence relatives.
 * {@link #order()} is the processing order, children (dependencies) before their parents.
 */
public record Subgraph(List<AppRef> order) {

    public Subgraph {
        order = List.copyOf(order);
        if (order.isEmpty()) {
            throw new IllegalArgumentException("empty subgraph");
        }
    }

    /**
     * The subgraph hash the GRS and ReportCache are keyed by (ime-behaviour.md Part A), computed by
     * the registry model's {@link SubgraphHash} so there is one definition of it.
     */
    public SubgraphHash hash() {
        return SubgraphHash.of(order.stream().map(AppRef::key).toList());
    }

    /** {@code id1, id2} as the V3Processor logs the app ids of a subgraph. */
    public String appIdList() {
        return order.stream().map(AppRef::appId).collect(Collectors.joining(", "));
    }
}
