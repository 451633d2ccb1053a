package org.imelab.agent.sync;

/**
 * The work of one check-in: get policies from the gateway, process the Win32 apps, report. The
 * coordinator calls it on its one check-in thread, never twice at a time.
 *
 * <p>Any exception it throws is caught at the coordinator (the job boundary), logged, and the
 * check-in counts as failed; the daemon keeps running. An {@link InterruptedException} means the
 * agent is stopping.
 */
@FunctionalInterface
public interface CheckinHandler {
    CheckinOutcome checkIn(CheckinRequest request) throws Exception;
}
