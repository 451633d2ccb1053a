package org.imelab.agent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.imelab.agent.ipc.DaemonNotRunningException;
import org.imelab.agent.ipc.IpcClient;
import org.imelab.agent.ipc.IpcResponse;
import org.imelab.agent.ipc.IpcVerb;

/** Sends one verb to the daemon and turns the answer into console lines and an exit code. */
final class DaemonCall {
    /** The daemon answers at once (check-ins run after the answer), so a few seconds is plenty. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private DaemonCall() {
    }

    static int send(Path socket, IpcVerb verb, PrintWriter out, PrintWriter err) {
        try {
            IpcResponse r = new IpcClient(socket, TIMEOUT).send(verb);
            (r.ok() ? out : err).println(r.message());
            return r.ok() ? ExitCodes.OK : ExitCodes.REFUSED;
        } catch (DaemonNotRunningException e) {
            err.println(e.getMessage() + ". Start it with: imelab run");
            return ExitCodes.NOT_RUNNING;
        } catch (IOException e) {
            err.println("imelab: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }
}
