package org.imelab.agent.win32app.exec;

/**
 * How an installer run ended.
 *
 * @param exitCode the process exit code ({@code lpExitCode}); after a timeout, whatever the killed
 *                 process reported
 * @param timedOut true when it ran past MaxRunTimeInMinutes and its tree was killed
 * @param pid      the installer's process id
 */
public record InstallerOutcome(int exitCode, boolean timedOut, long pid) {
}
