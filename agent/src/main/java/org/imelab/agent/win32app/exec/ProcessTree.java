package org.imelab.agent.win32app.exec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ends a process and everything it started. Descendants are collected before anything is killed
 * (a child whose parent dies is re-parented and would no longer be found), and the sweep repeats
 * until nothing of the tree is left, catching children forked during the previous sweep.
 */
public final class ProcessTree {
    private static final int MAX_SWEEPS = 10;
    /** How long one sweep waits for its processes to be gone before looking again. */
    private static final long SWEEP_WAIT_MS = 1000;

    private ProcessTree() {
    }

    /** Kills {@code root} and its descendants; returns how many processes were signalled. */
    public static int kill(ProcessHandle root) {
        int signalled = 0;
        Set<ProcessHandle> seen = new LinkedHashSet<>();
        seen.add(root);
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            for (ProcessHandle p : new ArrayList<>(seen)) {
                p.descendants().forEach(seen::add);
            }
            List<ProcessHandle> alive = new ArrayList<>(seen.stream().filter(ProcessHandle::isAlive).toList());
            Collections.reverse(alive);
            if (alive.isEmpty()) {
                break;
            }
            // descendants first, so none outlives its parent long enough to fork again unseen
            for (ProcessHandle p : alive) {
                if (p.destroyForcibly()) {
                    signalled++;
                }
            }
            try {
                CompletableFuture.allOf(alive.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                        .get(SWEEP_WAIT_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // look again: a process that is slow to die (or a zombie nobody reaps) is re-checked
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return signalled;
    }
}
