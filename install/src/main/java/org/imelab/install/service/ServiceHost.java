package org.imelab.install.service;

/**
 * Runs the daemon for as long as it should run: under the Windows service control manager, or
 * in the foreground (a terminal, systemd) until it is told to stop.
 */
public interface ServiceHost {

    /** Starts the service, blocks until it has been stopped, and returns the process exit code. */
    int run(HostedService service);
}
