package org.imelab.agent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.imelab.agent.DataHome;
import org.imelab.agent.daemon.AgentStatus;
import org.imelab.agent.ipc.DaemonNotRunningException;
import org.imelab.agent.ipc.IpcClient;
import org.imelab.agent.ipc.IpcVerb;
import org.imelab.registry.Registry;
import org.imelab.registry.RegistryException;
import org.imelab.registry.ime.ImeLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Whether the agent runs, its last and next check-in, the gateway and the certificate. */
@Command(name = "status",
        description = {"Show whether the agent runs, its last and next check-in, the gateway and the certificate.",
            "Without a running agent, shows what the registry remembers.",
            "Exit codes: 0 running, 3 not running, 1 failure."})
public final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    ImelabCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DataHome home = parent.dataHome();
        Map<String, String> lines = new LinkedHashMap<>();
        int code;
        try {
            lines.putAll(new IpcClient(home.ipcSocket(), DaemonCall.TIMEOUT).send(IpcVerb.STATUS).details());
            code = ExitCodes.OK;
        } catch (DaemonNotRunningException e) {
            try (Registry registry = parent.registryOpener().open(home)) {
                lines.putAll(AgentStatus.stored(registry, ImeLayout.at(parent.imeRoot()), ZoneId.systemDefault()));
            } catch (IOException | RegistryException re) {
                err.println("imelab status: the agent is not running and its registry cannot be read: " + re.getMessage());
                return ExitCodes.FAILURE;
            }
            code = ExitCodes.NOT_RUNNING;
        } catch (IOException e) {
            err.println("imelab status: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        lines.put("Data home", home.root().toString());
        int width = lines.keySet().stream().mapToInt(String::length).max().orElse(0);
        lines.forEach((k, v) -> out.printf("%-" + (width + 1) + "s %s%n", k + ":", v));
        out.flush();
        return code;
    }
}
