package org.imelab.registry.ime;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;

/**
 * imelab's own record of device restarts: the lab's simulated restart ({@code {labRoot}\Device},
 * value {@code SimulatedRestartTime}, written by {@code imelab restart --simulate}) and whether the
 * agent may really restart the machine ({@code {labRoot}\Settings}, DWORD {@code AllowDeviceRestart},
 * default 0 = never). Both are imelab's names, kept out of the IME's key (ime-behaviour.md C §1.8).
 */
public final class LabRestartKey {
    public static final String DEVICE = "Device";
    public static final String SETTINGS = "Settings";
    /** When the lab last simulated a device restart, UTC, in the IME's time format ({@link ImeTime}). */
    public static final String SIMULATED_RESTART_TIME = "SimulatedRestartTime";
    /** REG_DWORD: 1 lets the agent restart the machine after an app asked for it; anything else never. */
    public static final String ALLOW_DEVICE_RESTART = "AllowDeviceRestart";

    private final Registry registry;
    private final RegPath device;
    private final RegPath settings;

    public LabRestartKey(Registry registry, ImeLayout layout) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.device = layout.labRoot().child(DEVICE);
        this.settings = layout.labRoot().child(SETTINGS);
    }

    public RegPath deviceKey() {
        return device;
    }

    public RegPath settingsKey() {
        return settings;
    }

    /** The last simulated restart; a missing or unreadable value reads as none. */
    public Optional<Instant> simulatedRestartTime() {
        return RegValues.time(registry.get(device, SIMULATED_RESTART_TIME));
    }

    /** Records a simulated restart at {@code when} (whole seconds, as stored). */
    public void recordSimulatedRestart(Instant when) {
        registry.put(device, SIMULATED_RESTART_TIME, RegValue.sz(ImeTime.format(Objects.requireNonNull(when, "when"))));
    }

    /** Whether the agent may restart the machine: only an explicit DWORD 1 allows it. */
    public boolean allowDeviceRestart() {
        return RegValues.number(registry.get(settings, ALLOW_DEVICE_RESTART)).map(n -> n == 1).orElse(false);
    }

    public void setAllowDeviceRestart(boolean allow) {
        registry.put(settings, ALLOW_DEVICE_RESTART, RegValue.dword(allow ? 1 : 0));
    }
}
