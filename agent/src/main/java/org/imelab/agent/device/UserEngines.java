package org.imelab.agent.device;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.imelab.agent.gateway.UserCheckins;
import org.imelab.agent.session.SignedInUsers;
import org.imelab.agent.session.UserSession;
import org.imelab.agent.win32app.engine.Win32AppEngine;

/**
 * One Win32 app engine per logged-on Entra user, made when the user is first seen and dropped
 * when the user is gone (the user's state stays in the registry for the next logon). Their due
 * times join the device engine's, so a user's retry or re-evaluation wakes the agent as the
 * device's do.
 */
public final class UserEngines implements UserCheckins.Users {
    private final SignedInUsers users;
    private final Function<UserSession, Win32AppEngine> factory;
    private final Map<String, Win32AppEngine> byUser = new ConcurrentHashMap<>();

    public UserEngines(SignedInUsers users, Function<UserSession, Win32AppEngine> factory) {
        this.users = Objects.requireNonNull(users, "users");
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public synchronized List<UserCheckins.UserWorkload> current() throws IOException {
        List<UserCheckins.UserWorkload> out = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (UserSession u : users.withEntraUser()) {
            present.add(u.userObjectId());
            Win32AppEngine engine = byUser.compute(u.userObjectId(),
                    (oid, old) -> old != null && old.user().equals(Optional.of(u)) ? old : factory.apply(u));
            out.add(new UserCheckins.UserWorkload(u, engine));
        }
        byUser.keySet().retainAll(present);
        return out;
    }

    /** The engines of the users seen at the last check-in. */
    public List<Win32AppEngine> engines() {
        return List.copyOf(byUser.values());
    }

    /** The earliest due time of any user's engine. */
    public Optional<Instant> nextDue() {
        return byUser.values().stream().flatMap(e -> e.nextDue().stream()).min(Instant::compareTo);
    }
}
