package org.imelab.agent.daemon;

import org.imelab.agent.sync.CheckinTriggers;

/**
 * Something that runs beside the check-ins for as long as the agent runs and may ask for
 * check-ins: the gateway's push listener, later other workloads with timers of their own. The
 * agent starts companions after it has started and stops them before it stops.
 */
public interface AgentCompanion {
    String name();

    /** Starts; must not block. */
    void start(CheckinTriggers triggers) throws Exception;

    /** Stops; called once, also when {@link #start} failed. */
    void stop();
}
