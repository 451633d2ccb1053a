package org.imelab.agent.sync;

import java.util.concurrent.CompletableFuture;

/** Where triggers go: the timer, the IPC server and the gateway's push channel all hold one. */
@FunctionalInterface
public interface CheckinTriggers {
    /**
     * Asks for a check-in. The future completes when a check-in that started after this call has
     * finished; it completes exceptionally with a {@link java.util.concurrent.CancellationException}
     * when the agent stops first.
     */
    CompletableFuture<CheckinResult> request(CheckinTrigger trigger);
}
