package org.imelab.agent.inventory;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.imelab.agent.gateway.GatewayClient;
import org.imelab.gateway.protocol.CheckinReason;
import org.imelab.gateway.protocol.CheckinReasonPayload;
import org.imelab.gateway.protocol.DotNetDate;
import org.imelab.gateway.protocol.PayloadFormatException;
import org.imelab.gateway.protocol.RequestContentType;
import org.imelab.gateway.protocol.SideCarGatewaySession;
import org.imelab.gateway.protocol.SideCarJson;
import org.imelab.gateway.protocol.report.InventoryReport;
import org.imelab.gateway.protocol.report.ReportAcknowledgement;

/**
 * Sends an inventory as the {@code ApplicationInventory} session request (our definition,
 * gateway/PROTOCOL.md) through the agent's {@link GatewayClient}. Only an answer that accepts
 * every entry counts as delivered: a refused entry would otherwise be missing from the service's
 * list while the baseline says it was sent.
 */
public final class GatewayInventoryUploader implements InventoryUploader {
    /** Longer than the client's own call limit and retries: the client ends the call first. */
    static final Duration WAIT = Duration.ofMinutes(10);

    private final GatewayClient client;
    private final SideCarJson json;
    private final InstantSource clock;

    public GatewayInventoryUploader(GatewayClient client, SideCarJson json, InstantSource clock) {
        this.client = client;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void upload(InventoryDelta delta) throws InventoryUploadException {
        String payload = json.write(report(delta, clock));
        SideCarGatewaySession answer;
        try {
            answer = client.session(RequestContentType.APPLICATION_INVENTORY, payload,
                    CheckinReason.MAINTENANCE_TIMER, CheckinReasonPayload.none()).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new InventoryUploadException(String.valueOf(e.getCause().getMessage()), e.getCause());
        } catch (TimeoutException e) {
            throw new InventoryUploadException("no answer from " + client.sideCarUrl() + " within " + WAIT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InventoryUploadException("interrupted while sending the inventory", e);
        }
        ReportAcknowledgement ack;
        try {
            ack = json.read(json.decodeResponsePayload(RequestContentType.APPLICATION_INVENTORY,
                    answer.responsePayload()), ReportAcknowledgement.class);
        } catch (PayloadFormatException e) {
            throw new InventoryUploadException("the gateway's answer is not a report acknowledgement: "
                    + e.getMessage(), e);
        }
        if (ack == null) {
            throw new InventoryUploadException("the gateway's answer carries no report acknowledgement", null);
        }
        if (!ack.rejected().isEmpty()) {
            ReportAcknowledgement.Refusal first = ack.rejected().get(0);
            throw new InventoryUploadException("the gateway refused " + ack.rejected().size() + " entr"
                    + (ack.rejected().size() == 1 ? "y" : "ies") + " (first: #" + first.index() + ", "
                    + first.reason() + ")", null);
        }
    }

    /** The payload of a delta: added and changed entries whole, removed ones by id. */
    public static InventoryReport report(InventoryDelta delta, InstantSource clock) {
        List<InventoryReport.InventoryEntry> apps = new ArrayList<>(delta.added().size() + delta.changed().size());
        delta.added().forEach(p -> apps.add(entry(p)));
        delta.changed().forEach(p -> apps.add(entry(p)));
        return new InventoryReport(delta.full() ? InventoryReport.FULL : InventoryReport.DELTA,
                DotNetDate.of(clock.instant()), apps,
                delta.removed().stream().map(InstalledProgram::entryId).toList());
    }

    static InventoryReport.InventoryEntry entry(InstalledProgram p) {
        return new InventoryReport.InventoryEntry(p.entryId(), p.name(), p.version(), p.publisher(), p.productCode(),
                p.language(), p.installDate());
    }
}
