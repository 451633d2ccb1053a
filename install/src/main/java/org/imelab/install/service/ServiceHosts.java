package org.imelab.install.service;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * How {@code imelab run} finds out whether it runs as a Windows service: it offers the daemon to
 * the service control manager first; when Windows did not start this process as a service (or
 * this is not Windows) the answer is empty and the caller runs in the foreground. The same jar
 * runs both ways.
 */
public final class ServiceHosts {
    private ServiceHosts() {
    }

    /**
     * Runs {@code service} under the SCM until the SCM stops it and returns the exit code; empty
     * when this process is not a Windows service. Call it early on the main thread: the SCM waits
     * only about 30 seconds for a started service to connect.
     */
    public static OptionalInt runUnderServiceControlManager(HostedService service) {
        if (!isWindows()) {
            return OptionalInt.empty();
        }
        // the Windows class (and JNA) is only loaded on this branch
        return org.imelab.install.windows.WindowsServiceHost.dispatch(service);
    }

    public static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
