package org.imelab.agent.win32app.graph;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

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
     * The subgraph hash the GRS and ReportCache are keyed by (ime-behaviour.md Part A): Base64 of
     * SHA-256 over the sorted {@code appId_version} list joined by {@code ,}: 44 characters.
     */
    public String hash() {
        List<AppRef> sorted = new ArrayList<>(order);
        sorted.sort(null);
        String canonical = sorted.stream().map(AppRef::keyName).collect(Collectors.joining(","));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** {@code id1, id2} as the V3Processor logs the app ids of a subgraph. */
    public String appIdList() {
        return order.stream().map(AppRef::appId).collect(Collectors.joining(", "));
    }
}
