package org.imelab.agent.gateway;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.imelab.agent.session.UserSession;
import org.imelab.agent.sync.CheckinRequest;
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
 * The user check-ins that follow the device's: for each logged-on user signed in as an Entra user,
 * the required apps are requested again with the user's token ({@code Authorization: Bearer}, the
 * "SideCar WAM token"), and the user's workload processes them in the user's scope. One user's
 * failure does not keep the others from checking in.
 */
public final class UserCheckins {
    private static final Logger appWorkload = LoggerFactory.getLogger("ime.AppWorkload");

    /** No user check-ins (a device without logged-on users, or a test of the device part alone). */
    public static final UserCheckins NONE = new UserCheckins(List::of, u -> {
        throw new IllegalStateException("no users");
    }, new SideCarJson());

    /** A logged-on user and the workload that processes the user's scope. */
    public record UserWorkload(UserSession user, Win32AppWorkload workload) {
        public UserWorkload {
            Objects.requireNonNull(user.userObjectId(), "a user check-in needs an Entra user");
        }
    }

    /** The users to check in for now. */
    @FunctionalInterface
    public interface Users {
        List<UserWorkload> current() throws IOException;
    }

    /** How the user check-ins went: an empty summary when there were none. */
    public record Result(boolean success, String summary) {
    }

    private final Users users;
    private final Function<UserSession, String> token;
    private final SideCarJson json;

    /** @param token the {@code Authorization} header value for a user (never logged) */
    public UserCheckins(Users users, Function<UserSession, String> token, SideCarJson json) {
        this.users = Objects.requireNonNull(users, "users");
        this.token = Objects.requireNonNull(token, "token");
        this.json = Objects.requireNonNull(json, "json");
    }

    Result checkIn(GatewayClient client, Win32AppPolicyParser parser, CheckinReason reason, CheckinRequest request)
            throws InterruptedException {
        List<UserWorkload> now;
        try {
            now = users.current();
        } catch (IOException e) {
            // the device's check-in itself went well; without a user list there is simply no user check-in
            appWorkload.warn("[Win32App] The logged-on users cannot be listed, no user check-in: {}", e.getMessage());
            return new Result(true, "logged-on users unknown: " + e.getMessage());
        }
        boolean ok = true;
        List<String> lines = new ArrayList<>();
        for (UserWorkload u : now) {
            try {
                lines.add("user " + u.user().account() + ": " + checkIn(client, parser, reason, request, u));
            } catch (UserCheckinFailed e) {
                ok = false;
                lines.add("user " + u.user().account() + ": failed: " + e.getMessage());
            }
        }
        return new Result(ok, String.join("; ", lines));
    }

    private String checkIn(GatewayClient client, Win32AppPolicyParser parser, CheckinReason reason,
            CheckinRequest request, UserWorkload u) throws InterruptedException, UserCheckinFailed {
        UserSession user = u.user();
        appWorkload.info("After impersonation: {}", user.account());
        appWorkload.info("[Win32App] Requesting required apps");
        SideCarGatewaySession answer;
        try {
            answer = client.session(RequestContentType.REQUEST_APPLICATION, "[]", reason, CheckinReasonPayload.none(),
                    token.apply(user)).get();
        } catch (ExecutionException e) {
            String why = e.getCause() instanceof GatewayException g ? g.getMessage() : String.valueOf(e.getCause());
            throw new UserCheckinFailed(why);
        }
        PolicySet policies;
        try {
            policies = PolicyAnswer.read(json, parser, answer);
        } catch (PayloadFormatException e) {
            throw new UserCheckinFailed("the policies cannot be read: " + e.getMessage());
        }
        appWorkload.info("[Win32App] Got {} Win32App(s) for user {} in session {}", policies.accepted().size(),
                user.userObjectId(), user.sessionId());
        try {
            return u.workload().process(policies, request);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            appWorkload.error("[Win32App] Processing the apps of user {} failed: {}", user.userObjectId(), e.toString());
            throw new UserCheckinFailed("processing failed: " + e);
        }
    }

    private static final class UserCheckinFailed extends Exception {
        UserCheckinFailed(String message) {
            super(message);
        }
    }
}
