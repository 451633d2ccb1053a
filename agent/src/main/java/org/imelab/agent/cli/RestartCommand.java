package org.imelab.agent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.imelab.agent.device.restart.SystemDeviceRestarter;
import org.imelab.agent.ipc.DaemonNotRunningException;
import org.imelab.agent.ipc.IpcClient;
import org.imelab.agent.ipc.IpcResponse;
import org.imelab.agent.ipc.IpcVerb;
import org.imelab.registry.Registry;
import org.imelab.registry.ime.ImeLayout;
import org.imelab.registry.ime.ImeTime;
import org.imelab.registry.ime.LabRestartKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code imelab restart --simulate}: the lab's device restart. It records the restart in imelab's key
 * ({@code HKLM\SOFTWARE\imelab\Device\SimulatedRestartTime}), so apps waiting for one (2008, 2011, 6010)
 * complete, and asks the running agent for the check-in a service start after boot makes. Without
 * {@code --simulate} it restarts the machine, and only when {@code Settings\AllowDeviceRestart} is 1.
 */
@Command(name = "restart",
        description = {"Restart the device for the apps waiting for it. --simulate records a simulated restart",
            "(the lab machine keeps running) and asks the running agent to check in as after a boot.",
            "Without --simulate the machine really restarts, only if HKLM\\SOFTWARE\\imelab\\Settings\\",
            "AllowDeviceRestart is 1 (REG_DWORD).",
            "Exit codes: 0 done, 2 refused (restarts not allowed), 1 other failure."})
public final class RestartCommand implements Callable<Integer> {

    @ParentCommand
    ImelabCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--simulate", description = "Record a simulated restart instead of restarting the machine.")
    boolean simulate;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Registry registry = parent.openRegistry()) {
            LabRestartKey key = new LabRestartKey(registry, ImeLayout.at(parent.imeRoot()));
            if (simulate) {
                Instant now = Instant.now();
                key.recordSimulatedRestart(now);
                out.println("Simulated device restart recorded at " + ImeTime.format(now) + " ("
                        + key.deviceKey().toShortString() + "\\" + LabRestartKey.SIMULATED_RESTART_TIME + ").");
            } else if (!key.allowDeviceRestart()) {
                err.println("imelab restart: restarting this machine is not allowed. Set "
                        + key.settingsKey().toShortString() + "\\" + LabRestartKey.ALLOW_DEVICE_RESTART
                        + " to 1 (REG_DWORD) to allow it, or use imelab restart --simulate.");
                return ExitCodes.REFUSED;
            }
        }
        if (simulate) {
            return checkInAsAfterBoot(out); // the registry is closed: the agent's check-in writes to it
        }
        try {
            new SystemDeviceRestarter().restart(Duration.ZERO, "imelab restart");
        } catch (IOException e) {
            err.println("imelab restart: the restart could not be requested: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        out.println("Device restart requested.");
        return ExitCodes.OK;
    }

    /** The running agent checks in as after a boot; a stopped one does so at its next start anyway. */
    private int checkInAsAfterBoot(PrintWriter out) {
        try {
            IpcResponse r = new IpcClient(parent.dataHome().ipcSocket(), DaemonCall.TIMEOUT).send(IpcVerb.RESTART);
            out.println(r.message());
            return r.ok() ? ExitCodes.OK : ExitCodes.REFUSED;
        } catch (DaemonNotRunningException e) {
            out.println("The agent is not running; its next start checks in as after the restart.");
            return ExitCodes.OK;
        } catch (IOException e) {
            out.println("Could not reach the agent: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }
}
