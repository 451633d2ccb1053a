package org.imelab.install;

import com.sun.jna.platform.win32.Win32Exception;
import org.imelab.install.service.ServiceControlException;
import org.imelab.registry.RegistryException;

/** Finds the Win32 error code in a failure's cause chain, so messages can show it. */
public final class Win32Errors {
    private Win32Errors() {
    }

    /** The first Win32 error code in the chain, or 0. */
    public static int find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            int code = switch (t) {
                case RegistryException e -> e.win32Error();
                case ServiceControlException e -> e.win32Error();
                case Win32Exception e -> e.getErrorCode();
                default -> 0;
            };
            if (code != 0) {
                return code;
            }
        }
        return 0;
    }
}
