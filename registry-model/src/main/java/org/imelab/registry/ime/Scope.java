package org.imelab.registry.ime;

import java.util.Optional;

/**
 * Whom the IME processed a policy for: the Entra ID object id of a user, or the all-zero GUID for
 * device (userless) processing. It names the {@code Win32Apps\{scope}} and {@code Policies\{user}}
 * keys.
 */
public record Scope(String id) {

    /** Device-targeted, userless processing. */
    public static final Scope DEVICE = new Scope("00000000-0000-0000-0000-000000000000");

    public Scope {
        id = Guids.require(id, "A scope");
    }

    /** A user's scope. */
    public static Scope user(String objectId) {
        return new Scope(objectId);
    }

    /**
     * The scope a key name stands for, or empty for the other names found beside scope keys
     * ({@code Reporting}, {@code OperationalState}, SIDs left by old agents, admin leftovers).
     */
    public static Optional<Scope> parse(String keyName) {
        return Guids.isGuid(keyName) ? Optional.of(new Scope(keyName)) : Optional.empty();
    }

    public boolean isDevice() {
        return equals(DEVICE);
    }

    @Override
    public String toString() {
        return id;
    }
}
