package org.imelab.agent.inventory;

import org.imelab.agent.inventory.windows.WmiInstalledPrograms;
import org.imelab.registry.Registry;
import org.imelab.registry.windows.JnaRegistry;

/** Which source inventories a device: the one that sees what the installers of this registry wrote. */
public final class InstalledProgramsSource {

    private InstalledProgramsSource() {
    }

    /**
     * WMI {@code Win32_InstalledWin32Program} when the agent works on the real Windows registry (as
     * the IME does); the Uninstall keys of {@code registry} otherwise, which is where the lab's
     * installers write on a file or in-memory registry, on any OS.
     */
    public static InstalledPrograms forRegistry(Registry registry) {
        return registry instanceof JnaRegistry ? new WmiInstalledPrograms() : new UninstallKeyPrograms(registry);
    }

    /** A short name of the source for {@code imelab inventory}. */
    public static String describe(InstalledPrograms source) {
        return source instanceof WmiInstalledPrograms ? "WMI Win32_InstalledWin32Program"
                : "Uninstall keys (HKLM both views, HKCU)";
    }
}
