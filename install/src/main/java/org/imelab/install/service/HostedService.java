package org.imelab.install.service;

/**
 * What the Windows service host runs: the daemon. {@link #start} returns once the daemon is up (its
 * threads keep running); {@link #stop} returns once it has shut down.
 */
public interface HostedService {

    void start() throws Exception;

    void stop() throws Exception;
}
