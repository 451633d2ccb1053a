package org.imelab.agent.session;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A user logged on to this machine as the agent sees it: the operating system's session (a
 * Windows session id; on other systems the login session number, or 0 for the agent's own
 * account), the account name, and the Entra user object id the account is signed in as, when it is
 * (the lab maps accounts to the lab file's users). User-targeted apps are processed per user with
 * an object id; user-context installers run in that session.
 *
 * @param sessionId     the OS session the user's processes run in
 * @param account       the OS account name, e.g. {@code alice} or {@code AzureAD\alice}
 * @param userObjectId  the Entra object id (lower-case GUID), or null for an account with none
 */
public record UserSession(int sessionId, String account, String userObjectId) {
    public UserSession {
        Objects.requireNonNull(account, "account");
        if (account.isBlank()) {
            throw new IllegalArgumentException("Empty account name");
        }
        userObjectId = userObjectId == null ? null : userObjectId.toLowerCase(Locale.ROOT);
    }

    public Optional<String> entraUser() {
        return Optional.ofNullable(userObjectId);
    }
}
