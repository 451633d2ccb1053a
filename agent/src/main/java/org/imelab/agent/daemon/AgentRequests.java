package org.imelab.agent.daemon;

import org.imelab.agent.ipc.IpcResponse;
import org.imelab.agent.ipc.IpcServer;
import org.imelab.agent.ipc.IpcVerb;
import org.imelab.agent.sync.CheckinTrigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the daemon does with each accepted IPC verb. It answers at once; check-ins run later. */
final class AgentRequests implements IpcServer.Handler {
    private static final Logger ime = LoggerFactory.getLogger("ime.IntuneManagementExtension");

    private final EmsAgent agent;

    AgentRequests(EmsAgent agent) {
        this.agent = agent;
    }

    @Override
    public IpcResponse handle(IpcVerb verb) {
        return switch (verb) {
            case SYNCAPP -> trigger(CheckinTrigger.MONIKER_SYNCAPP);
            case SYNCCOMPLIANCE -> trigger(CheckinTrigger.MONIKER_SYNCCOMPLIANCE);
            case SYNC -> trigger(CheckinTrigger.CLI_SYNC);
            case RESTART -> trigger(CheckinTrigger.DEVICE_RESTART);
            case STATUS -> new IpcResponse(true, "running", agent.status());
            case INVENTORY -> inventory(false);
            case INVENTORY_FULL -> inventory(true);
        };
    }

    private IpcResponse inventory(boolean full) {
        return agent.inventory().map(w -> InventoryRequests.run(w, full, INVENTORY_WAIT))
                .orElseGet(() -> IpcResponse.refused("This agent runs without the inventory workload (no gateway is configured)"));
    }

    /** Below the CLI's IPC timeout, so a slow gateway gets "started" rather than a timeout. */
    static final java.time.Duration INVENTORY_WAIT = java.time.Duration.ofSeconds(8);

    private IpcResponse trigger(CheckinTrigger trigger) {
        ime.info("[IPC] Received a sync request: {}", trigger.description());
        boolean busy = agent.checkinInProgress();
        agent.triggers().request(trigger);
        return IpcResponse.ok(busy
                ? "Check-in requested; one is running now, another follows it"
                : "Check-in requested");
    }
}
