package org.imelab.install.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.platform.win32.Winsvc;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/**
 * The two advapi32 service functions jna-platform does not bind: QueryServiceConfigW and
 * ChangeServiceConfigW (winsvc.h). Loaded on first use, which only happens on Windows.
 */
interface ServiceConfigApi extends StdCallLibrary {

    ServiceConfigApi INSTANCE = Native.load("Advapi32", ServiceConfigApi.class, W32APIOptions.DEFAULT_OPTIONS);

    /** SERVICE_NO_CHANGE for the DWORD parameters of ChangeServiceConfig. */
    int SERVICE_NO_CHANGE = 0xffffffff;

    boolean QueryServiceConfig(Winsvc.SC_HANDLE hService, Pointer lpServiceConfig, int cbBufSize, IntByReference pcbBytesNeeded);

    boolean ChangeServiceConfig(Winsvc.SC_HANDLE hService, int dwServiceType, int dwStartType, int dwErrorControl,
                                String lpBinaryPathName, String lpLoadOrderGroup, IntByReference lpdwTagId,
                                String lpDependencies, String lpServiceStartName, String lpPassword, String lpDisplayName);

    /**
     * QUERY_SERVICE_CONFIGW. The strings are read as pointers (they point into the same buffer)
     * and decoded with {@link Pointer#getWideString}.
     */
    @Structure.FieldOrder({"dwServiceType", "dwStartType", "dwErrorControl", "lpBinaryPathName", "lpLoadOrderGroup",
            "dwTagId", "lpDependencies", "lpServiceStartName", "lpDisplayName"})
    final class QUERY_SERVICE_CONFIG extends Structure {
        public int dwServiceType;
        public int dwStartType;
        public int dwErrorControl;
        public Pointer lpBinaryPathName;
        public Pointer lpLoadOrderGroup;
        public int dwTagId;
        public Pointer lpDependencies;
        public Pointer lpServiceStartName;
        public Pointer lpDisplayName;

        QUERY_SERVICE_CONFIG(Pointer p) {
            super(p);
            read();
        }

        static String text(Pointer p) {
            return p == null ? null : p.getWideString(0);
        }
    }
}
