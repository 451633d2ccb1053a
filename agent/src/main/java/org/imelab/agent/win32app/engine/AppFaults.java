package org.imelab.agent.win32app.engine;

import java.util.Optional;
import org.imelab.gateway.protocol.win32.Win32AppPolicy;

/**
 * Faults a lab scenario injects into one app's processing on the device side (the lab file's
 * {@code faults}, carried to the device in the policy's lab-only extension {@code ImelabFaults}):
 * a forced installer exit code or a forced detection result. Download failures and gateway errors
 * are injected where they happen, in the lab gateway.
 */
public interface AppFaults {

    AppFaults NONE = appId -> Optional.empty();

    Optional<Fault> forApp(String appId);

    /** The faults for the app of this served policy; by default looked up by its id. */
    default Optional<Fault> forPolicy(Win32AppPolicy policy) {
        return forApp(policy.id());
    }

    /**
     * @param exitCode  replaces the installer's exit code (the installer still runs)
     * @param detection replaces the detection result: true detected, false not detected
     */
    record Fault(Optional<Integer> exitCode, Optional<Boolean> detection) {
    }
}
