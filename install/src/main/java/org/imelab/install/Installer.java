package org.imelab.install;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs an install plan step by step, records what each step changed in the manifest, and on the
 * first failure rolls back what this run changed (newest first) and says which step failed and
 * why. Uninstall reverses the manifest, newest entry first.
 */
public final class Installer {
    private final ManifestStore store;
    private final StepContext ctx;

    public Installer(ManifestStore store, StepContext ctx) {
        this.store = store;
        this.ctx = ctx;
    }

    /** What an install did. */
    public record InstallOutcome(List<String> applied, List<String> alreadyInPlace) {
    }

    public InstallOutcome install(String serviceName, List<InstallStep> steps) {
        Optional<InstallManifest> prior = store.read();
        InstallManifest manifest = prior.orElse(InstallManifest.empty(serviceName));
        List<InstallManifest.Entry> thisRun = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (InstallStep step : steps) {
            try {
                if (step.isDone(ctx)) {
                    ctx.report("  [in place] " + step.name());
                    skipped.add(step.name());
                    continue;
                }
                Undo undo = step.apply(ctx);
                thisRun.add(new InstallManifest.Entry(step.name(), undo));
                manifest = manifest.withApplied(step.name(), undo);
                store.write(manifest);
                ctx.report("  [done]     " + step.name());
            } catch (RuntimeException e) {
                ctx.report("  [FAILED]   " + step.name() + ": " + describe(e));
                List<String> leftovers = rollBack(prior, thisRun);
                throw new InstallException(step.name(), failureMessage("Install", step.name(), e, leftovers), e, leftovers);
            }
        }
        return new InstallOutcome(thisRun.stream().map(InstallManifest.Entry::step).toList(), skipped);
    }

    /** Reverses everything the manifest records; returns the names of the reversed steps. */
    public List<String> uninstall() {
        InstallManifest manifest = store.read().orElseThrow(() -> new InstallException(
                "Nothing to uninstall: no install manifest at " + store.location()));
        List<InstallManifest.Entry> remaining = new ArrayList<>(manifest.entries());
        List<InstallManifest.Entry> failed = new ArrayList<>();
        List<String> done = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        RuntimeException first = null;
        while (!remaining.isEmpty()) {
            InstallManifest.Entry entry = remaining.remove(remaining.size() - 1);
            if (remaining.isEmpty() && failed.isEmpty()) {
                // the last record may be the data home that holds the manifest itself
                store.delete();
            }
            try {
                entry.undo().revert(ctx);
                done.add(entry.step());
                ctx.report("  [removed]  " + entry.step());
            } catch (RuntimeException e) {
                first = first == null ? e : first;
                failed.add(0, entry);
                problems.add(entry.step() + ": " + describe(e));
                ctx.report("  [FAILED]   " + entry.step() + ": " + describe(e));
            }
            List<InstallManifest.Entry> keep = new ArrayList<>(remaining);
            keep.addAll(failed);
            if (!keep.isEmpty()) {
                store.write(manifest.withEntries(keep));
            }
        }
        if (!failed.isEmpty()) {
            throw new InstallException(failed.get(failed.size() - 1).step(),
                    "Uninstall could not remove everything; the manifest " + store.location()
                            + " keeps what is left, run uninstall again after fixing the cause:\n  "
                            + String.join("\n  ", problems), first, problems);
        }
        return done;
    }

    private List<String> rollBack(Optional<InstallManifest> prior, List<InstallManifest.Entry> thisRun) {
        List<String> leftovers = new ArrayList<>();
        try {
            if (prior.isPresent()) {
                store.write(prior.get());
            } else {
                store.delete();
            }
        } catch (RuntimeException e) {
            leftovers.add("install manifest " + store.location() + ": " + describe(e));
        }
        for (int i = thisRun.size() - 1; i >= 0; i--) {
            InstallManifest.Entry entry = thisRun.get(i);
            try {
                entry.undo().revert(ctx);
                ctx.report("  [rolled back] " + entry.step());
            } catch (RuntimeException e) {
                leftovers.add(entry.step() + ": " + describe(e));
                ctx.report("  [NOT rolled back] " + entry.step() + ": " + describe(e));
            }
        }
        return leftovers;
    }

    private static String failureMessage(String what, String step, RuntimeException e, List<String> leftovers) {
        StringBuilder sb = new StringBuilder(what).append(" failed at step '").append(step).append("': ").append(describe(e));
        if (leftovers.isEmpty()) {
            sb.append("\nEverything this run changed was rolled back.");
        } else {
            sb.append("\nThe rollback could not undo:\n  ").append(String.join("\n  ", leftovers));
        }
        return sb.toString();
    }

    /** The message of a failure, with its Win32 error code when it has one and the message lacks it. */
    public static String describe(Throwable e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int code = Win32Errors.find(e);
        if (code != 0 && !msg.contains("Win32 error " + code)) {
            msg += " (Win32 error " + code + ")";
        }
        return msg;
    }
}
