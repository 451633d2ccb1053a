package org.imelab.agent.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.imelab.agent.DataHome;
import org.imelab.agent.ipc.IpcVerb;
import org.imelab.agent.ipc.MonikerUrl;

/**
 * What {@code imelab moniker URL} does: refuse anything but a known moniker, else hand its verb
 * to the running daemon. Kept free of picocli, logging and JSON, so that the protocol handler's
 * process (one per click) starts about as fast as a bare JVM.
 */
public final class MonikerHandOver {
    private MonikerHandOver() {
    }

    /** Parses the URL and, when it is a known moniker, hands its verb to the daemon. */
    static int handOver(DataHome home, String url, PrintWriter out, PrintWriter err) {
        IpcVerb verb;
        try {
            verb = MonikerUrl.parse(url);
        } catch (MonikerUrl.RefusedException e) {
            err.println("imelab moniker: " + e.getMessage());
            err.flush();
            return ExitCodes.REFUSED;
        }
        return DaemonCall.send(home.ipcSocket(), verb, out, err);
    }

    /**
     * The protocol handler's own command lines, {@code imelab moniker URL} and
     * {@code imelab --home DIR moniker URL}, handled without building the whole command tree:
     * the handler starts a process per click, and the tree (every subcommand, logging, JSON)
     * would triple its start-up. Anything else returns empty and goes through picocli.
     */
    public static OptionalInt fastPath(String[] args, Map<String, String> env, String userHome) {
        Path homeOption = null;
        int i = 0;
        if (args.length == 4 && args[0].equals("--home")) {
            homeOption = Path.of(args[1]);
            i = 2;
        } else if (args.length == 3 && args[0].startsWith("--home=")) {
            homeOption = Path.of(args[0].substring("--home=".length()));
            i = 1;
        } else if (args.length != 2) {
            return OptionalInt.empty();
        }
        if (!args[i].equals("moniker") || args[i + 1].startsWith("-")) {
            return OptionalInt.empty(); // options such as --help: picocli's business
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = handOver(DataHome.resolve(homeOption, env, userHome), args[i + 1], out, err);
        out.flush();
        err.flush();
        return OptionalInt.of(code);
    }
}
