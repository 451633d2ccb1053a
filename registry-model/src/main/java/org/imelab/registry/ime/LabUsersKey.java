package org.imelab.registry.ime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;

/**
 * Which Entra user each local account is signed in as: imelab's own key
 * ({@code HKLM\SOFTWARE\imelab\Users\{userObjectId}}, value {@code Account}). A real device learns
 * this from the user's Entra sign-in (the primary refresh token); the lab has no Entra, so the
 * mapping is set explicitly ({@code imelab users sign-in ACCOUNT OBJECTID}) and can be read with
 * {@code imelab reg query}. The key is named by the object id because account names may hold a
 * backslash ({@code AzureAD\alice}), which a key name cannot; an account maps to at most one user.
 */
public final class LabUsersKey {
    public static final String KEY_NAME = "Users";
    public static final String ACCOUNT = "Account";

    /** One signed-in account. */
    public record SignedIn(String account, String userObjectId) {
        public SignedIn {
            Objects.requireNonNull(account, "account");
            userObjectId = Guids.require(userObjectId, "A user object id");
        }
    }

    private final Registry registry;
    private final RegPath key;

    public LabUsersKey(Registry registry, ImeLayout layout) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.key = layout.labRoot().child(KEY_NAME);
    }

    public RegPath key() {
        return key;
    }

    /** Every mapping, in key order; keys that are not object ids or have no account are left out. */
    public List<SignedIn> all() {
        List<SignedIn> out = new ArrayList<>();
        if (!registry.exists(key)) {
            return out;
        }
        for (String name : registry.subKeys(key)) {
            if (!Guids.isGuid(name)) {
                continue;
            }
            registry.get(key.child(name), ACCOUNT).ifPresent(v -> {
                if (v instanceof RegValue.Sz s && !s.value().isBlank()) {
                    out.add(new SignedIn(s.value(), name));
                }
            });
        }
        return out;
    }

    /** The user an account is signed in as (account names compare case-insensitively, as Windows does). */
    public Optional<String> userObjectId(String account) {
        return all().stream().filter(s -> same(s.account(), account)).map(SignedIn::userObjectId).findFirst();
    }

    /**
     * Signs {@code account} in as {@code userObjectId} in one batch: any earlier user of the
     * account and any earlier account of the user are replaced.
     *
     * @throws IllegalArgumentException when the object id is not a GUID or the account is blank
     */
    public void signIn(String account, String userObjectId) {
        if (account == null || account.isBlank()) {
            throw new IllegalArgumentException("An account name is needed");
        }
        String oid = Guids.require(userObjectId, "A user object id");
        List<RegOp> ops = new ArrayList<>();
        for (SignedIn s : all()) {
            if (same(s.account(), account) || s.userObjectId().equals(oid)) {
                ops.add(new RegOp.DeleteTree(key.child(s.userObjectId())));
            }
        }
        ops.add(new RegOp.CreateKey(key.child(oid)));
        ops.add(new RegOp.Put(key.child(oid), ACCOUNT, RegValue.sz(account)));
        registry.apply(ops);
    }

    /** Signs the account out; false when it was not signed in. */
    public boolean signOut(String account) {
        List<RegOp> ops = new ArrayList<>();
        for (SignedIn s : all()) {
            if (same(s.account(), account)) {
                ops.add(new RegOp.DeleteTree(key.child(s.userObjectId())));
            }
        }
        if (ops.isEmpty()) {
            return false;
        }
        registry.apply(ops);
        return true;
    }

    private static boolean same(String a, String b) {
        return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}
