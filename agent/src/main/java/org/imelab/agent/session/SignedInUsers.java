package org.imelab.agent.session;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.imelab.registry.ime.LabUsersKey;

/**
 * The logged-on users with the Entra user each is signed in as: the operating system's sessions
 * ({@link LoggedOnUsers}) joined with the device's account mapping ({@link LabUsersKey}). Only a
 * session with an object id gets a user check-in, as the real agent only gets a user token for
 * an Entra user.
 */
public final class SignedInUsers {
    private final LoggedOnUsers loggedOn;
    private final LabUsersKey mapping;

    public SignedInUsers(LoggedOnUsers loggedOn, LabUsersKey mapping) {
        this.loggedOn = Objects.requireNonNull(loggedOn, "loggedOn");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
    }

    /** Every logged-on session, with its object id where the account has one. */
    public List<UserSession> all() throws IOException {
        List<UserSession> out = new ArrayList<>();
        for (UserSession s : loggedOn.sessions()) {
            out.add(new UserSession(s.sessionId(), s.account(), mapping.userObjectId(s.account()).orElse(null)));
        }
        return out;
    }

    /** The sessions that get a user check-in: one per Entra user (the first session of a user who has several). */
    public List<UserSession> withEntraUser() throws IOException {
        List<UserSession> out = new ArrayList<>();
        for (UserSession s : all()) {
            if (s.userObjectId() != null && out.stream().noneMatch(o -> o.userObjectId().equals(s.userObjectId()))) {
                out.add(s);
            }
        }
        return out;
    }
}
