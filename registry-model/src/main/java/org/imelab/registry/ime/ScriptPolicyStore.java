package org.imelab.registry.ime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;

/**
 * PowerShell platform script state, {@code Policies\{user}\{policyId}} ({@code 00000000-...} for
 * the device). Deleting a policy's key makes the agent run the script again.
 */
public final class ScriptPolicyStore {
    private final Registry registry;
    private final ImeLayout layout;

    public ScriptPolicyStore(Registry registry, ImeLayout layout) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    /** The users (and the device) that have script state. */
    public List<Scope> users() {
        List<Scope> out = new ArrayList<>();
        for (String name : registry.subKeys(layout.root().child(ImeLayout.POLICIES))) {
            Scope.parse(name).ifPresent(out::add);
        }
        return out;
    }

    /** The policy ids with state for a user; non-GUID names are skipped. */
    public List<String> policyIds(Scope user) {
        List<String> out = new ArrayList<>();
        for (String name : registry.subKeys(layout.policies(user))) {
            if (Guids.isGuid(name)) {
                out.add(Guids.require(name, "A policy id"));
            }
        }
        return out;
    }

    public Optional<ScriptPolicyResult> read(Scope user, String policyId) {
        RegPath key = layout.policy(user, Guids.require(policyId, "A policy id"));
        if (!registry.exists(key)) {
            return Optional.empty();
        }
        return Optional.of(new ScriptPolicyResult(
                RegValues.string(registry.get(key, ImeLayout.RESULT)).orElse(null),
                RegValues.int32(registry.get(key, ImeLayout.ERROR_CODE)).orElse(null),
                RegValues.string(registry.get(key, ImeLayout.RESULT_DETAILS)).orElse(null),
                RegValues.int32(registry.get(key, ImeLayout.DOWNLOAD_COUNT)).orElse(null)));
    }

    /** Writes the state in one batch; null components delete their value. */
    public void write(Scope user, String policyId, ScriptPolicyResult state) {
        RegPath key = layout.policy(user, Guids.require(policyId, "A policy id"));
        List<RegOp> ops = new ArrayList<>();
        ops.add(new RegOp.CreateKey(key));
        ops.add(state.result() == null ? new RegOp.DeleteValue(key, ImeLayout.RESULT)
                : new RegOp.Put(key, ImeLayout.RESULT, RegValue.sz(state.result())));
        ops.add(state.errorCode() == null ? new RegOp.DeleteValue(key, ImeLayout.ERROR_CODE)
                : new RegOp.Put(key, ImeLayout.ERROR_CODE, RegValue.dword(state.errorCode())));
        ops.add(state.resultDetails() == null ? new RegOp.DeleteValue(key, ImeLayout.RESULT_DETAILS)
                : new RegOp.Put(key, ImeLayout.RESULT_DETAILS, RegValue.sz(state.resultDetails())));
        ops.add(state.downloadCount() == null ? new RegOp.DeleteValue(key, ImeLayout.DOWNLOAD_COUNT)
                : new RegOp.Put(key, ImeLayout.DOWNLOAD_COUNT, RegValue.dword(state.downloadCount())));
        registry.apply(ops);
    }

    public boolean delete(Scope user, String policyId) {
        return registry.deleteTree(layout.policy(user, Guids.require(policyId, "A policy id")));
    }
}
