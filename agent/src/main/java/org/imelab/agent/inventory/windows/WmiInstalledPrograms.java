package org.imelab.agent.inventory.windows;

import com.sun.jna.platform.win32.COM.COMUtils;
import com.sun.jna.platform.win32.COM.WbemcliUtil;
import com.sun.jna.platform.win32.Ole32;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.imelab.agent.inventory.InstalledProgram;
import org.imelab.agent.inventory.InstalledPrograms;

/**
 * The Windows inventory source, as the real collector uses it: WMI
 * {@code ROOT\CIMV2:Win32_InstalledWin32Program}. Only loaded on Windows.
 */
public final class WmiInstalledPrograms implements InstalledPrograms {
    /** WMI answers within seconds on a healthy machine; a hung provider must not hang the agent. */
    private static final int QUERY_TIMEOUT_MS = 120_000;

    /** Property names of Win32_InstalledWin32Program (the enum constant names are the WMI names). */
    enum Property { Id, Name, Version, Vendor, Language, ProgramId, MsiProductCode }

    @Override
    public List<InstalledProgram> list() {
        WinNT.HRESULT init = Ole32.INSTANCE.CoInitializeEx(null, Ole32.COINIT_MULTITHREADED);
        // S_FALSE: already initialised on this thread; RPC_E_CHANGED_MODE: initialised as STA by
        // someone else, which WMI also accepts. Anything else is a real failure.
        boolean mustUninitialize = COMUtils.SUCCEEDED(init);
        if (!mustUninitialize && init.intValue() != WinError.RPC_E_CHANGED_MODE) {
            throw new IllegalStateException("CoInitializeEx failed: HRESULT 0x" + Integer.toHexString(init.intValue()));
        }
        try {
            WbemcliUtil.WmiQuery<Property> query =
                    new WbemcliUtil.WmiQuery<>("ROOT\\CIMV2", "Win32_InstalledWin32Program", Property.class);
            WbemcliUtil.WmiResult<Property> result = query.execute(QUERY_TIMEOUT_MS);
            List<InstalledProgram> out = new ArrayList<>(result.getResultCount());
            for (int i = 0; i < result.getResultCount(); i++) {
                String name = text(result, Property.Name, i);
                if (name.isEmpty()) {
                    continue;
                }
                String programId = text(result, Property.ProgramId, i);
                String identity = programId.isEmpty() ? "WMI\\" + text(result, Property.Id, i) : "WMI\\" + programId;
                out.add(new InstalledProgram(identity, name, text(result, Property.Version, i),
                        text(result, Property.Vendor, i), text(result, Property.MsiProductCode, i),
                        text(result, Property.Language, i), ""));
            }
            return out;
        } catch (TimeoutException e) {
            throw new IllegalStateException("WMI query Win32_InstalledWin32Program timed out after "
                    + QUERY_TIMEOUT_MS + " ms", e);
        } finally {
            if (mustUninitialize) {
                Ole32.INSTANCE.CoUninitialize();
            }
        }
    }

    private static String text(WbemcliUtil.WmiResult<Property> result, Property p, int row) {
        Object v = result.getValue(p, row);
        return v == null ? "" : v.toString().trim();
    }
}
