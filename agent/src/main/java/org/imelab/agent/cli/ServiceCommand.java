package org.imelab.agent.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.imelab.agent.DataHome;
import org.imelab.install.health.DaemonSocketProbe;
import org.imelab.install.process.CommandResult;
import org.imelab.install.process.ProcessCommandRunner;
import org.imelab.install.service.ServiceConfig;
import org.imelab.install.service.ServiceState;
import org.imelab.install.windows.ScmServiceManager;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code imelab service status}: the installed service as the service manager sees it. */
@Command(name = "service", mixinStandardHelpOptions = true,
        description = "The installed service.",
        subcommands = {ServiceCommand.Status.class, CommandLine.HelpCommand.class})
public final class ServiceCommand implements Callable<Integer> {

    @ParentCommand
    ImelabCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Show the installed service's state as the service manager (SCM or systemd) reports it.",
                "Exit codes: 0 running, 3 installed but not running, 4 not installed, 1 failure."})
    static final class Status implements Callable<Integer> {

        @ParentCommand
        ServiceCommand service;

        @Mixin
        InstallTargetOptions target;

        @Override
        public Integer call() {
            return target.run(service.parent, this::status);
        }

        private int status(InstallTarget t) {
            PrintWriter out = target.out();
            Map<String, String> lines = new LinkedHashMap<>();
            int code = t.windows() ? windows(t, lines) : linux(t, new DataHome(t.dataHome()), lines);
            lines.put("Manifest", t.manifest().read().isPresent() ? t.manifest().location() : "none (not installed by imelab install)");
            int width = lines.keySet().stream().mapToInt(String::length).max().orElse(0);
            lines.forEach((k, v) -> out.printf("%-" + (width + 1) + "s %s%n", k + ":", v));
            out.flush();
            return code;
        }

        private static int windows(InstallTarget t, Map<String, String> lines) {
            ScmServiceManager scm = new ScmServiceManager();
            lines.put("Service", t.serviceName());
            Optional<ServiceConfig> config = scm.query(t.serviceName());
            if (config.isEmpty()) {
                lines.put("State", "not installed");
                return ExitCodes.NOT_INSTALLED;
            }
            ServiceState state = scm.state(t.serviceName());
            ServiceConfig c = config.get();
            lines.put("Display name", c.displayName());
            lines.put("State", state.name());
            lines.put("Start type", c.startType().name());
            lines.put("Account", c.account() == null ? ServiceConfig.LOCAL_SYSTEM : c.account());
            lines.put("Command line", c.binaryPath());
            return state == ServiceState.RUNNING ? ExitCodes.OK : ExitCodes.NOT_RUNNING;
        }

        private static int linux(InstallTarget t, DataHome home, Map<String, String> lines) {
            String unit = t.serviceName() + ".service";
            lines.put("Unit", unit + (t.scope() == org.imelab.install.plan.Scope.USER ? " (user)" : ""));
            ProcessCommandRunner commands = new ProcessCommandRunner();
            boolean unitFile = java.nio.file.Files.isRegularFile(t.layout().unitDir().resolve(unit));
            if (commands.isAvailable("systemctl") && !t.prefixed()) {
                List<String> argv = new ArrayList<>(List.of("systemctl"));
                if (t.scope() == org.imelab.install.plan.Scope.USER) {
                    argv.add("--user");
                }
                argv.addAll(List.of("show", "--property=LoadState,ActiveState,SubState,MainPID,UnitFileState", unit));
                CommandResult r = commands.run(argv, Map.of(), Duration.ofSeconds(30));
                if (r.exitCode() == 0) {
                    Map<String, String> props = new LinkedHashMap<>();
                    r.stdout().lines().filter(l -> l.contains("=")).forEach(l -> props.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
                    if ("not-found".equals(props.get("LoadState"))) {
                        lines.put("State", "not installed");
                        return ExitCodes.NOT_INSTALLED;
                    }
                    lines.put("State", props.get("ActiveState") + " (" + props.get("SubState") + ")");
                    lines.put("Enabled", props.getOrDefault("UnitFileState", "?"));
                    lines.put("Main PID", props.getOrDefault("MainPID", "?"));
                    return "active".equals(props.get("ActiveState")) ? ExitCodes.OK : ExitCodes.NOT_RUNNING;
                }
                lines.put("systemd", r.output().lines().findFirst().orElse("no answer"));
            }
            // no systemd to ask: the unit file tells whether it is installed, the socket whether it runs
            if (!unitFile) {
                lines.put("State", "not installed (no " + t.layout().unitDir().resolve(unit) + ")");
                return ExitCodes.NOT_INSTALLED;
            }
            Path socket = home.ipcSocket();
            ServiceState state = new DaemonSocketProbe(socket.toString(), () -> HealthCommand.answers(socket)).state();
            lines.put("State", state == ServiceState.RUNNING ? "daemon answers on " + socket : "installed; the daemon does not answer on " + socket);
            return state == ServiceState.RUNNING ? ExitCodes.OK : ExitCodes.NOT_RUNNING;
        }
    }
}
