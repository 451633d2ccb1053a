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
            case STATUS -> new IpcResponse(true, "running", agent.status());
        };
    }

    private IpcResponse trigger(CheckinTrigger trigger) {
        ime.info("[IPC] Received a sync request: {}", trigger.description());
        boolean busy = agent.checkinInProgress();
        agent.triggers().request(trigger);
        return IpcResponse.ok(busy
                ? "Check-in requested; one is running now, another follows it"
                : "Check-in requested");
    }
}
