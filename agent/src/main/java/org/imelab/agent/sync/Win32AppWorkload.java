package org.imelab.agent.sync;

import org.imelab.gateway.protocol.win32.PolicySet;

/**
 * Where the Win32 app engine plugs into a check-in: it gets the policies the gateway served
 * (the rejected ones already logged, listed for reporting) and processes them on the check-in
 * thread. The coordinator has already logged the poller's start banner and logs its stop banner
 * after this returns.
 */
@FunctionalInterface
public interface Win32AppWorkload {
    /**
     * @return one readable line for the console, e.g. {@code 12 apps: 1 installed, 11 unchanged}
     * @throws InterruptedException when the agent is stopping
     */
    String process(PolicySet policies, CheckinRequest request) throws Exception;
}
