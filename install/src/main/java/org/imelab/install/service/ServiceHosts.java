package org.imelab.install.service;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * Picks the host for {@code imelab run}: the Windows service control manager when Windows
 * started this process as a service, the foreground otherwise (a terminal, systemd, Windows
 * without the SCM). The same jar runs both ways.
 */
public final class ServiceHosts {
    private ServiceHosts() {
    }

    /** Runs {@code service} until it is stopped; returns the process exit code. */
    public static int run(HostedService service) {
        if (isWindows()) {
            // the Windows class (and JNA) is only loaded on this branch
            OptionalInt code = org.imelab.install.windows.WindowsServiceHost.dispatch(service);
            if (code.isPresent()) {
                return code.getAsInt();
            }
        }
        return new ForegroundHost().run(service);
    }

    public static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
