package org.imelab.agent.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.imelab.agent.Main;
import org.imelab.install.InstallException;
import org.imelab.install.Installer;
import org.imelab.install.StepContext;
import org.imelab.install.launch.Distribution;
import org.imelab.install.process.ProcessCommandRunner;
import org.imelab.install.windows.ScmServiceManager;
import org.imelab.registry.windows.JnaRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** Removes exactly what {@code imelab install} added, as its manifest records it. */
@Command(name = "uninstall", mixinStandardHelpOptions = true,
        description = {"Remove exactly what `imelab install` added.",
            "Its manifest in the data home lists it: the service, the moniker handler, the scheduled jobs, the program files. The data home stays",
            "when it holds data. Use the same --home, --service-name, --user and --root as the install.",
            "Exit codes: 0 removed, 1 something was left (the manifest keeps it; run again), 2 refused."})
public final class UninstallCommand implements Callable<Integer> {

    @ParentCommand
    ImelabCommand parent;

    @Mixin
    InstallTargetOptions target;

    @Override
    public Integer call() {
        return target.run(parent, this::uninstall);
    }

    private int uninstall(InstallTarget t) {
        PrintWriter out = target.out();
        StepContext.Builder ctx = StepContext.builder().commands(new ProcessCommandRunner()).progress(out::println);
        if (t.windows()) {
            Optional<Distribution> running = Distribution.of(Main.class);
            if (running.isPresent() && installedCopyIsRunning(t, running.get())) {
                return target.refuse("this is the installed copy (" + running.get().jar()
                        + "), which Windows cannot delete while it runs; run uninstall from another copy, e.g. imelab.cmd in the source tree");
            }
            ctx.services(new ScmServiceManager()).registry(new JnaRegistry());
        }
        out.println("Uninstalling imelab " + t.serviceName() + " (manifest " + t.manifest().location() + ")");
        try {
            List<String> removed = new Installer(t.manifest(), ctx.build()).uninstall();
            out.println("Removed " + removed.size() + " steps.");
            return ExitCodes.OK;
        } catch (InstallException e) {
            target.complain(e.getMessage());
            return e.step() == null ? ExitCodes.REFUSED : ExitCodes.FAILURE;
        }
    }

    private static boolean installedCopyIsRunning(InstallTarget t, Distribution running) {
        return t.manifest().read().map(m -> m.entries().stream()
                .anyMatch(e -> e.undo() instanceof org.imelab.install.fs.ProgramFilesUndo p
                        && p.files().contains(running.jar().toString())))
                .orElse(false);
    }
}
