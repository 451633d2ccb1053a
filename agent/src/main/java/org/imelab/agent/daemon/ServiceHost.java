package org.imelab.agent.daemon;

import java.io.IOException;

/**
 * What runs the agent as a service: in the foreground with a shutdown hook here, under the
 * Windows service control manager later. It calls only {@link EmsAgent#start()} and
 * {@link EmsAgent#stop()}.
 */
public interface ServiceHost {
    /** Starts the agent and blocks until it is stopped; returns the process exit code. */
    int run(EmsAgent agent) throws IOException;
}
