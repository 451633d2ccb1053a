package org.imelab.registry.ime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The name of a subgraph's GRS key, also stored as {@code LastHashValue}: 44 characters of Base64.
 * How the real agent derives it is not public; imelab takes the SHA-256 of the subgraph's
 * {@code appId_version} names, sorted and joined by commas (Part A), so the same subgraph always
 * gets the same key and a changed one a new key.
 */
public record SubgraphHash(String value) {
    private static final int LENGTH = 44;

    public SubgraphHash {
        if (!looksLikeHash(value)) {
            throw new IllegalArgumentException("A subgraph hash is 44 characters of Base64 "
                    + "(the Base64 of 32 bytes), not '" + value + "'");
        }
    }

    /** The hash of a subgraph: a standalone app, or an app with its dependencies and supersedence relatives. */
    public static SubgraphHash of(Collection<Win32AppKey> subgraph) {
        if (subgraph.isEmpty()) {
            throw new IllegalArgumentException("A subgraph has at least one app");
        }
        List<String> names = new ArrayList<>(subgraph.size());
        for (Win32AppKey app : subgraph) {
            names.add(app.keyName());
        }
        names.sort(null);
        String canonical = String.join(",", names.stream().distinct().toList());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return new SubgraphHash(Base64.getEncoder().encodeToString(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** The hash a key name or value stands for, or empty when it is not one. */
    public static Optional<SubgraphHash> parse(String text) {
        return looksLikeHash(text) ? Optional.of(new SubgraphHash(text)) : Optional.empty();
    }

    private static boolean looksLikeHash(String text) {
        if (text == null || text.length() != LENGTH || !text.endsWith("=")) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(text).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return Objects.requireNonNull(value);
    }
}
