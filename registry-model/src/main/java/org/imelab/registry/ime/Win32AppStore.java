package org.imelab.registry.ime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app keys under {@code Win32Apps\{scope}\{appId}_{version}}: {@code LastUpdatedTimeUtc} and
 * the two state-message subkeys. Reading skips whatever is not an app key (GRS, Reporting,
 * OperationalState, SIDs, hand-made names) and reads an unreadable message as absent, so a device
 * that admin scripts have been at never stops the agent.
 */
public final class Win32AppStore {
    private static final Logger LOG = LoggerFactory.getLogger(Win32AppStore.class);

    private final Registry registry;
    private final ImeLayout layout;

    public Win32AppStore(Registry registry, ImeLayout layout) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    /** The scopes that have a key under Win32Apps, in registry order; other children are skipped. */
    public List<Scope> scopes() {
        List<Scope> out = new ArrayList<>();
        for (String name : registry.subKeys(layout.win32Apps())) {
            Scope.parse(name).ifPresent(out::add);
        }
        return out;
    }

    /** The app keys of a scope, sorted by app id and version. */
    public List<Win32AppKey> apps(Scope scope) {
        List<Win32AppKey> out = new ArrayList<>();
        for (String name : registry.subKeys(layout.scope(scope))) {
            Win32AppKey.parse(name).ifPresent(out::add);
        }
        out.sort(null);
        return out;
    }

    /** The versions of one app recorded in a scope, oldest first. */
    public List<Win32AppKey> versions(Scope scope, String appId) {
        String id = Guids.require(appId, "An app id");
        return apps(scope).stream().filter(k -> k.appId().equals(id)).toList();
    }

    /** The highest version recorded, which is what admin scripts call the newest record. */
    public Optional<Win32AppKey> latest(Scope scope, String appId) {
        List<Win32AppKey> all = versions(scope, appId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    public boolean exists(Scope scope, Win32AppKey app) {
        return registry.exists(layout.app(scope, app));
    }

    /** Everything recorded for an app key, or empty when the key is absent. */
    public Optional<Win32AppRecord> read(Scope scope, Win32AppKey app) {
        RegPath key = layout.app(scope, app);
        if (!registry.exists(key)) {
            return Optional.empty();
        }
        return Optional.of(new Win32AppRecord(scope, app,
                RegValues.time(registry.get(key, ImeLayout.LAST_UPDATED_TIME_UTC)),
                compliance(scope, app),
                enforcement(scope, app)));
    }

    /** The records of every app key of a scope, sorted by app id and version. */
    public List<Win32AppRecord> readAll(Scope scope) {
        List<Win32AppRecord> out = new ArrayList<>();
        for (Win32AppKey app : apps(scope)) {
            read(scope, app).ifPresent(out::add); // a key deleted meanwhile is simply gone
        }
        return out;
    }

    public Optional<Instant> lastUpdatedTimeUtc(Scope scope, Win32AppKey app) {
        return RegValues.time(registry.get(layout.app(scope, app), ImeLayout.LAST_UPDATED_TIME_UTC));
    }

    public Optional<ComplianceStateMessage> compliance(Scope scope, Win32AppKey app) {
        return message(layout.complianceStateMessage(scope, app), ImeLayout.COMPLIANCE_STATE_MESSAGE,
                ComplianceStateMessage::parse);
    }

    public Optional<EnforcementStateMessage> enforcement(Scope scope, Win32AppKey app) {
        return message(layout.enforcementStateMessage(scope, app), ImeLayout.ENFORCEMENT_STATE_MESSAGE,
                EnforcementStateMessage::parse);
    }

    /** Writes the ComplianceStateMessage and stamps {@code LastUpdatedTimeUtc}, in one batch. */
    public void writeCompliance(Scope scope, Win32AppKey app, ComplianceStateMessage message, Instant now) {
        registry.apply(List.of(complianceOp(scope, app, message), stampOp(scope, app, now)));
    }

    /** Writes the EnforcementStateMessage and stamps {@code LastUpdatedTimeUtc}, in one batch. */
    public void writeEnforcement(Scope scope, Win32AppKey app, EnforcementStateMessage message, Instant now) {
        registry.apply(List.of(enforcementOp(scope, app, message), stampOp(scope, app, now)));
    }

    /**
     * Writes both messages and the stamp in one batch; a null enforcement removes the
     * EnforcementStateMessage subkey (an app that was never enforced has none).
     */
    public void write(Scope scope, Win32AppKey app, ComplianceStateMessage compliance,
            EnforcementStateMessage enforcement, Instant now) {
        List<RegOp> ops = new ArrayList<>();
        ops.add(complianceOp(scope, app, compliance));
        ops.add(enforcement == null
                ? new RegOp.DeleteTree(layout.enforcementStateMessage(scope, app))
                : enforcementOp(scope, app, enforcement));
        ops.add(stampOp(scope, app, now));
        registry.apply(ops);
    }

    /** Stamps {@code LastUpdatedTimeUtc} alone, creating the app key. */
    public void touch(Scope scope, Win32AppKey app, Instant now) {
        registry.apply(List.of(stampOp(scope, app, now)));
    }

    /** Deletes an app key with its messages; false when it was not there. */
    public boolean delete(Scope scope, Win32AppKey app) {
        return registry.deleteTree(layout.app(scope, app));
    }

    /** Deletes every version of an app in a scope, in one batch; returns the keys deleted. */
    public List<Win32AppKey> deleteAllVersions(Scope scope, String appId) {
        List<Win32AppKey> found = versions(scope, appId);
        if (!found.isEmpty()) {
            registry.apply(found.stream().<RegOp>map(k -> new RegOp.DeleteTree(layout.app(scope, k))).toList());
        }
        return found;
    }

    private RegOp complianceOp(Scope scope, Win32AppKey app, ComplianceStateMessage message) {
        return new RegOp.Put(layout.complianceStateMessage(scope, app), ImeLayout.COMPLIANCE_STATE_MESSAGE,
                RegValue.sz(message.toJson()));
    }

    private RegOp enforcementOp(Scope scope, Win32AppKey app, EnforcementStateMessage message) {
        return new RegOp.Put(layout.enforcementStateMessage(scope, app), ImeLayout.ENFORCEMENT_STATE_MESSAGE,
                RegValue.sz(message.toJson()));
    }

    private RegOp stampOp(Scope scope, Win32AppKey app, Instant now) {
        return new RegOp.Put(layout.app(scope, app), ImeLayout.LAST_UPDATED_TIME_UTC, RegValue.sz(ImeTime.format(now)));
    }

    private <T> Optional<T> message(RegPath key, String valueName, Function<String, T> parser) {
        Optional<String> json = RegValues.string(registry.get(key, valueName));
        if (json.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(json.get()));
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring unreadable {} at {}: {}", valueName, key, e.getMessage());
            return Optional.empty();
        }
    }
}
