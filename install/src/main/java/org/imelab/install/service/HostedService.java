package org.imelab.install.service;

/**
 * What a {@link ServiceHost} runs: the daemon. {@link #start} returns once the daemon is up (its
 * threads keep running); {@link #stop} returns once it has shut down.
 */
public interface HostedService {

    void start() throws Exception;

    void stop() throws Exception;
}
