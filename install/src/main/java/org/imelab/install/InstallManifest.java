package org.imelab.install;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an install added, in the order it was added: one entry per applied step with the undo
 * record that reverses it. Uninstall walks it backwards.
 */
public record InstallManifest(int version, String serviceName, List<Entry> entries) {

    public static final int CURRENT_VERSION = 1;

    public InstallManifest {
        Objects.requireNonNull(serviceName, "serviceName");
        entries = List.copyOf(entries);
    }

    public static InstallManifest empty(String serviceName) {
        return new InstallManifest(CURRENT_VERSION, serviceName, List.of());
    }

    /** One applied step. */
    public record Entry(String step, Undo undo) {
        public Entry {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(undo, "undo");
        }
    }

    public Optional<Entry> entry(String step) {
        return entries.stream().filter(e -> e.step().equals(step)).findFirst();
    }

    /**
     * This manifest after {@code step} was applied again with {@code undo}: a step already
     * recorded keeps its place and merges the records; a new step goes at the end.
     */
    public InstallManifest withApplied(String step, Undo undo) {
        List<Entry> out = new ArrayList<>(entries);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).step().equals(step)) {
                out.set(i, new Entry(step, out.get(i).undo().mergeNewer(undo)));
                return new InstallManifest(version, serviceName, out);
            }
        }
        out.add(new Entry(step, undo));
        return new InstallManifest(version, serviceName, out);
    }

    public InstallManifest withEntries(List<Entry> newEntries) {
        return new InstallManifest(version, serviceName, newEntries);
    }
}
