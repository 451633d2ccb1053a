package org.imelab.agent.daemon;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.imelab.agent.inventory.InventoryCadence;
import org.imelab.agent.inventory.InventoryCollector;
import org.imelab.agent.inventory.InventoryWorkload;
import org.imelab.agent.ipc.IpcResponse;

/** {@code imelab inventory --run} in the daemon: runs one, and answers with what it sent if that is quick. */
final class InventoryRequests {

    private InventoryRequests() {
    }

    static IpcResponse run(InventoryWorkload workload, boolean full, Duration wait) {
        CompletableFuture<InventoryCollector.Outcome> run = workload.runNow(full);
        InventoryCollector.Outcome o;
        try {
            o = run.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return IpcResponse.ok("Inventory run started; it is still sending (see Win32AppInventory.log)");
        } catch (ExecutionException e) {
            return IpcResponse.refused("The inventory run failed: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return IpcResponse.refused("Interrupted while waiting for the inventory run");
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("Kind", o.kind() == InventoryCadence.Kind.FULL ? "full" : "delta");
        if (o.delta() != null) {
            details.put("Added", String.valueOf(o.delta().added().size()));
            details.put("Changed", String.valueOf(o.delta().changed().size()));
            details.put("Removed", String.valueOf(o.delta().removed().size()));
        }
        workload.nextRun().ifPresent(t -> details.put("Next run", t.toString()));
        if (!o.uploaded()) {
            details.put("Error", String.valueOf(o.error()));
            return new IpcResponse(false, "Inventory not sent: " + o.error()
                    + ". The baseline is unchanged; the next run sends it again", details);
        }
        return new IpcResponse(true, "Inventory sent (" + details.get("Kind") + ")", details);
    }
}
