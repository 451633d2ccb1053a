package org.imelab.agent.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.imelab.agent.Main;
import org.imelab.install.InstallException;
import org.imelab.install.InstallStep;
import org.imelab.install.Installer;
import org.imelab.install.StepContext;
import org.imelab.install.launch.Distribution;
import org.imelab.install.linux.SystemdUnits;
import org.imelab.install.plan.InstallOptions;
import org.imelab.install.plan.LinuxPlan;
import org.imelab.install.plan.RealIme;
import org.imelab.install.plan.WindowsPlan;
import org.imelab.install.process.ProcessCommandRunner;
import org.imelab.install.windows.ScmServiceManager;
import org.imelab.registry.windows.JnaRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Installs imelab as a service with its moniker handler and scheduled jobs. */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = {"Install imelab as a service that starts with the machine.",
            "Also installs the intunemanagementextension:// handler and the Client Cert Checker and health evaluation jobs.",
            "Windows: a service (automatic, LocalSystem, restart on failure), HKCR\\intunemanagementextension,",
            "two scheduled tasks. Linux: systemd units and timers, an xdg URL handler.",
            "Every step can be undone; a failed step rolls back what was done. `imelab uninstall` removes it.",
            "Exit codes: 0 installed, 1 failed (rolled back), 2 refused (nothing changed)."})
public final class InstallCommand implements Callable<Integer> {

    @ParentCommand
    ImelabCommand parent;

    @Mixin
    InstallTargetOptions target;

    @Option(names = "--program-dir", paramLabel = "DIR",
            description = "Where the jar and its libraries are copied (default: %%ProgramFiles%%\\imelab, /opt/imelab, "
                    + "or ~/.local/share/imelab for --user).")
    Path programDir;

    @Option(names = "--java-home", paramLabel = "DIR", description = "The Java runtime the service runs on (default: this one).")
    Path javaHome;

    @Option(names = "--no-moniker", description = "Do not register the intunemanagementextension:// handler.")
    boolean noMoniker;

    @Option(names = "--take-over-real-ime",
            description = "Windows: take the real IME's service name, moniker and registry root even though it is installed "
                    + "(uninstall puts its service and moniker back).")
    boolean takeOverRealIme;

    @Override
    public Integer call() {
        return target.run(parent, this::install);
    }

    private int install(InstallTarget t) {
        PrintWriter out = target.out();
        Map<String, String> env = t.env();
        boolean windows = t.windows();
        InstallOptions options;
        try {
            Distribution dist = Distribution.of(Main.class).orElseThrow(() -> new IllegalArgumentException(
                    "install copies the packaged imelab.jar and its lib/ folder, but this imelab runs from "
                            + Main.class.getProtectionDomain().getCodeSource().getLocation()
                            + "; run it through ./imelab (or java -jar imelab.jar)"));
            Path program = programDir != null ? programDir.toAbsolutePath().normalize()
                    : windows ? Path.of(env.getOrDefault("ProgramFiles", "C:\\Program Files"), "imelab")
                    : t.layout().defaultProgramDir();
            Path java = javaHome != null ? javaHome : Path.of(System.getProperty("java.home"));
            options = new InstallOptions(t.serviceName(), t.scope(), t.root(), t.dataHome(), program,
                    parent.registryRoot, java, dist, !noMoniker, takeOverRealIme);
        } catch (IllegalArgumentException e) {
            return target.refuse(e.getMessage());
        }
        ProcessCommandRunner commands = new ProcessCommandRunner();
        StepContext.Builder ctx = StepContext.builder().commands(commands).progress(out::println);
        List<InstallStep> steps;
        try {
            if (windows) {
                ScmServiceManager scm = new ScmServiceManager();
                RealIme.guard(options, RealIme.detect(scm,
                        Path.of(env.getOrDefault("ProgramFiles(x86)", "C:\\Program Files (x86)"), RealIme.INSTALL_FOLDER)));
                ctx.services(scm).registry(new JnaRegistry());
                steps = new WindowsPlan(options, Clock.systemDefaultZone()).steps();
            } else {
                refuseWithoutSystemd(t, commands);
                steps = new LinuxPlan(options, t.layout(), commands.isAvailable("xdg-mime")).steps();
            }
        } catch (InstallException | IllegalArgumentException e) {
            return target.refuse(e.getMessage());
        }
        out.println("Installing imelab as " + t.serviceName() + " (" + (windows ? "Windows service" : t.scope().name().toLowerCase()
                + " systemd units") + "), data home " + t.dataHome());
        try {
            Installer.InstallOutcome outcome = new Installer(t.manifest(), ctx.build()).install(t.serviceName(), steps);
            out.println(outcome.applied().isEmpty() ? "Already installed; nothing changed." : "Installed.");
            if (t.prefixed()) {
                out.println("Written below " + t.root() + " only; systemd was not told.");
            } else if (!windows) {
                out.println("Running: systemctl" + (t.layout().scope() == org.imelab.install.plan.Scope.USER ? " --user" : "")
                        + " status " + new SystemdUnits(t.serviceName(), false).daemonUnitName());
            }
            out.println("Remove it with: imelab uninstall" + t.options(parent.explicitHome(env)));
            return ExitCodes.OK;
        } catch (InstallException e) {
            target.complain(e.getMessage());
            return ExitCodes.FAILURE;
        }
    }

    /** A real install needs a systemd to enable the units, and root for the system scope. */
    private static void refuseWithoutSystemd(InstallTarget t, ProcessCommandRunner commands) {
        if (t.prefixed()) {
            return;
        }
        if (!commands.isAvailable("systemctl")) {
            throw new IllegalArgumentException("systemctl is not installed: this machine does not run systemd. "
                    + "Run `imelab run` in the foreground instead, or use --root DIR to only write the files");
        }
        Path units = t.layout().unitDir();
        Path existing = units;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (t.scope() == org.imelab.install.plan.Scope.SYSTEM && existing != null && !Files.isWritable(existing)) {
            throw new IllegalArgumentException("installing for the system writes " + units
                    + ", which needs root: run it with sudo, or install for yourself with --user");
        }
    }
}
