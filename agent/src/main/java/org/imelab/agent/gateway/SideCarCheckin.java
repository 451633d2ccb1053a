package org.imelab.agent.gateway;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.time.Duration;
import org.imelab.agent.sync.CheckinHandler;
import org.imelab.agent.sync.CheckinOutcome;
import org.imelab.agent.sync.CheckinRequest;
import org.imelab.agent.sync.CheckinTrigger;
import org.imelab.agent.sync.Win32AppWorkload;
import org.imelab.gateway.protocol.CheckinReason;
import org.imelab.gateway.protocol.CheckinReasonPayload;
import org.imelab.gateway.protocol.PayloadFormatException;
import org.imelab.gateway.protocol.RequestContentType;
import org.imelab.gateway.protocol.SideCarGatewaySession;
import org.imelab.gateway.protocol.SideCarJson;
import org.imelab.gateway.protocol.win32.PolicySet;
import org.imelab.gateway.protocol.win32.Win32AppPolicyParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One check-in against the SideCar gateway: request the required apps, log them as the IME does
 * ({@code Get policies = [...]}, in AppWorkload.log), parse them (a malformed policy is rejected alone, with its
 * reason), and hand the rest to the {@link Win32AppWorkload}. The gateway's
 * {@code CheckinIntervalMinutes} goes back to the schedule through the outcome.
 */
public final class SideCarCheckin implements CheckinHandler {
    /** Win32 app lines, {@code Get policies} among them, are AppWorkload.log's since the 2408 split. */
    private static final Logger appWorkload = LoggerFactory.getLogger("ime.AppWorkload");
    private static final Logger ime = LoggerFactory.getLogger("ime.IntuneManagementExtension");

    private final GatewayClient client;
    private final SideCarJson json;
    private final Win32AppPolicyParser parser;
    private final Win32AppWorkload workload;
    private final PushNotifications notifications;
    private final Supplier<Optional<String>> certificateThumbprint;
    private final UserCheckins users;

    /** @param certificateThumbprint the certificate the client authenticates with, for {@code imelab status} */
    public SideCarCheckin(GatewayClient client, SideCarJson json, Win32AppWorkload workload,
            PushNotifications notifications, Supplier<Optional<String>> certificateThumbprint) {
        this(client, json, workload, notifications, certificateThumbprint, UserCheckins.NONE);
    }

    /** @param users the logged-on users checked in for after the device, each with the user's token */
    public SideCarCheckin(GatewayClient client, SideCarJson json, Win32AppWorkload workload,
            PushNotifications notifications, Supplier<Optional<String>> certificateThumbprint, UserCheckins users) {
        this.users = users;
        this.client = client;
        this.json = json;
        this.parser = new Win32AppPolicyParser(json);
        this.workload = workload;
        this.notifications = notifications;
        this.certificateThumbprint = certificateThumbprint;
    }

    @Override
    public CheckinOutcome checkIn(CheckinRequest request) throws Exception {
        CheckinReason reason = reasonOf(request.triggers());
        CheckinReasonPayload reasonPayload = request.triggers().contains(CheckinTrigger.GATEWAY_PUSH)
                ? notifications.take().orElse(CheckinReasonPayload.none())
                : CheckinReasonPayload.none();
        String gateway = client.sideCarUrl();
        Optional<String> thumbprint = certificateThumbprint.get();
        ime.info("Userless session, skip UserToken for device check-in");
        appWorkload.info("[Win32App] Requesting required apps");
        SideCarGatewaySession answer;
        try {
            answer = client.session(RequestContentType.REQUEST_APPLICATION, "[]", reason, reasonPayload).get();
        } catch (ExecutionException e) {
            String why = e.getCause() instanceof GatewayException g ? g.getMessage() : String.valueOf(e.getCause());
            return CheckinOutcome.failed(why).withConnection(gateway, thumbprint.orElse(null));
        }
        PolicySet policies;
        try {
            policies = PolicyAnswer.read(json, parser, answer);
        } catch (PayloadFormatException e) {
            return withInterval(CheckinOutcome.failed("the policies cannot be read: " + e.getMessage()), answer)
                    .withConnection(gateway, thumbprint.orElse(null));
        }
        String summary = workload.process(policies, request);
        if (!policies.rejected().isEmpty()) {
            summary += "; " + policies.rejected().size() + " malformed polic"
                    + (policies.rejected().size() == 1 ? "y" : "ies") + " rejected";
        }
        UserCheckins.Result perUser = users.checkIn(client, parser, reason, request);
        CheckinOutcome outcome = perUser.summary().isEmpty() ? CheckinOutcome.success(summary)
                : new CheckinOutcome(perUser.success(), summary + "; " + perUser.summary(), Optional.empty(),
                        Optional.empty(), Optional.empty());
        return withInterval(outcome, answer).withConnection(gateway, thumbprint.orElse(null));
    }

    private static CheckinOutcome withInterval(CheckinOutcome outcome, SideCarGatewaySession answer) {
        Integer minutes = answer.checkinIntervalMinutes();
        return minutes != null && minutes > 0 ? outcome.withGatewayInterval(Duration.ofMinutes(minutes)) : outcome;
    }

    /** The service's name for why the agent checks in; a push or a person asking outweighs the timer. */
    static CheckinReason reasonOf(Set<CheckinTrigger> triggers) {
        if (triggers.contains(CheckinTrigger.GATEWAY_PUSH)) {
            return CheckinReason.NOTIFICATION;
        }
        if (triggers.contains(CheckinTrigger.DEVICE_RESTART)) {
            return CheckinReason.AGENT_RESTART; // the agent's first check-in after a boot is a service start's
        }
        if (triggers.contains(CheckinTrigger.MONIKER_SYNCAPP) || triggers.contains(CheckinTrigger.MONIKER_SYNCCOMPLIANCE)
                || triggers.contains(CheckinTrigger.CLI_SYNC)) {
            return CheckinReason.ON_DEMAND;
        }
        if (triggers.contains(CheckinTrigger.SERVICE_START)) {
            return CheckinReason.AGENT_RESTART;
        }
        return CheckinReason.MAINTENANCE_TIMER;
    }
}
