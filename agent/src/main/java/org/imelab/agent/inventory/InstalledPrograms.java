package org.imelab.agent.inventory;

import java.util.List;

/**
 * Where the inventory comes from: WMI {@code Win32_InstalledWin32Program} on Windows, the
 * Uninstall keys of the registry elsewhere (which is also what the lab's installers write).
 */
public interface InstalledPrograms {

    /** Every installed program, in no particular order. */
    List<InstalledProgram> list();
}
